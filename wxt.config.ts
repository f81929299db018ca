import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import { contentModules, loadContentScriptsAsModules, shiftSourceMapOneLine, withCompileHint, type LoaderManifest } from './lib/build/content-loaders';
import { matchPatterns, PLATFORM_HOSTS } from './lib/platforms/hosts';

// Host access is limited to the sites we read. Other sites are reached only
// through activeTab (the user's click on the toolbar) and the context menu.
const SUPPORTED_HOSTS = (Object.keys(PLATFORM_HOSTS) as Array<keyof typeof PLATFORM_HOSTS>).flatMap(matchPatterns);

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Dexie contains a raw U+FFFF; Chrome rejects content scripts that hold one
  // ("isn't UTF-8 encoded"), so every bundle is emitted as ASCII. Vite 8 bundles
  // with Rolldown, whose option this is (esbuild's `charset` is ignored there);
  // test/e2e checks the output.
  vite: () => ({ build: { target: 'es2022', rolldownOptions: { output: { charset: 'ascii' } } } }),
  hooks: {
    // Chrome builds load each content script as a module, parsed off the page's main thread
    // (lib/build/content-loaders.ts). Firefox and the dev server keep WXT's own content scripts.
    'build:manifestGenerated': async (wxt, manifest) => {
      if (wxt.config.browser !== 'chrome' || wxt.config.manifestVersion !== 3 || wxt.config.command !== 'build') return;
      for (const loader of loadContentScriptsAsModules(manifest as LoaderManifest)) {
        const file = join(wxt.config.outDir, loader.file);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, loader.contents);
      }
      // The bundles' functions compiled with the module, off the main thread (and their maps one line down).
      for (const bundle of contentModules(manifest)) {
        const file = join(wxt.config.outDir, bundle);
        const code = await readFile(file, 'utf8');
        const hinted = withCompileHint(code);
        if (hinted === code) continue;
        await writeFile(file, hinted);
        if (existsSync(`${file}.map`)) await writeFile(`${file}.map`, shiftSourceMapOneLine(await readFile(`${file}.map`, 'utf8')));
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'activeTab', 'scripting', 'notifications'],
    host_permissions: SUPPORTED_HOSTS,
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandTogglePanel__',
      },
      'open-reply-picker': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenReplyPicker__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'social-desk@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
