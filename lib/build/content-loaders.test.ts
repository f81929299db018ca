import { createContext, runInContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { COMPILE_HINT, contentModules, loaderPath, loaderSource, loadContentScriptsAsModules, shiftSourceMapOneLine, withCompileHint, type LoaderManifest } from './content-loaders';

const FB = ['https://web.facebook.com/*', 'https://www.facebook.com/*'];

function manifest(): LoaderManifest {
  return {
    manifest_version: 3,
    content_scripts: [
      { matches: FB, run_at: 'document_idle', js: ['content-scripts/facebook.js'] },
      { matches: ['https://www.linkedin.com/*'], js: ['content-scripts/linkedin.js'], css: ['content-scripts/linkedin.css'] },
    ],
  };
}

describe('module content scripts (Chrome build step)', () => {
  it('lists a loader for each content script bundle and makes the bundle web-accessible only through the per-session address, to its own sites', () => {
    const m = manifest();
    const loaders = loadContentScriptsAsModules(m);
    expect(loaders.map((l) => l.file)).toEqual(['content-scripts/facebook.loader.js', 'content-scripts/linkedin.loader.js']);
    expect(m.content_scripts!.map((c) => c.js)).toEqual([['content-scripts/facebook.loader.js'], ['content-scripts/linkedin.loader.js']]);
    expect(m.content_scripts![0]).toMatchObject({ matches: FB, run_at: 'document_idle' });
    expect(m.content_scripts![1]!.css).toEqual(['content-scripts/linkedin.css']);
    expect(m.web_accessible_resources).toEqual([
      { resources: ['content-scripts/facebook.js'], matches: FB, use_dynamic_url: true },
      { resources: ['content-scripts/linkedin.js'], matches: ['https://www.linkedin.com/*'], use_dynamic_url: true },
    ]);
    expect(contentModules(m)).toEqual(['content-scripts/facebook.js', 'content-scripts/linkedin.js']);
  });

  it('keeps web-accessible resources already there, and changes nothing in a manifest without content script bundles', () => {
    const m = manifest();
    m.web_accessible_resources = [{ resources: ['icon.png'], matches: FB, use_dynamic_url: true }];
    loadContentScriptsAsModules(m);
    expect((m.web_accessible_resources as Array<{ resources: string[] }>).map((r) => r.resources)).toEqual([['icon.png'], ['content-scripts/facebook.js'], ['content-scripts/linkedin.js']]);
    expect(contentModules(m)).toEqual(['content-scripts/facebook.js', 'content-scripts/linkedin.js']);
    const bare: LoaderManifest = { content_scripts: [{ matches: FB, js: ['vendor/other.js'] }] };
    expect(loadContentScriptsAsModules(bare)).toEqual([]);
    expect(bare).toEqual({ content_scripts: [{ matches: FB, js: ['vendor/other.js'] }] });
  });

  it('refuses what it cannot load safely: a bundle without sites, a Manifest V2 resource list, a path that is not a bundle', () => {
    expect(() => loadContentScriptsAsModules({ content_scripts: [{ js: ['content-scripts/x.js'] }] })).toThrow(/no matches/);
    expect(() => loadContentScriptsAsModules({ ...manifest(), web_accessible_resources: ['a.js'] })).toThrow(/Manifest V2/);
    expect(() => loaderSource('../background.js')).toThrow(/Not a content script bundle/);
    expect(loaderPath('content-scripts/x.js')).toBe('content-scripts/x.loader.js');
    expect(contentModules({ web_accessible_resources: ['content-scripts/x.js', { resources: 'no' }, null] })).toEqual([]);
  });
});

describe('the compile hint on each bundle', () => {
  it('is the first line, once, and the source map moves one line down with it', () => {
    const code = '(function(){return 1})();\n//# sourceMappingURL=facebook.js.map\n';
    const hinted = withCompileHint(code);
    expect(hinted.split('\n')[0]).toBe(COMPILE_HINT);
    expect(hinted.slice(COMPILE_HINT.length + 1)).toBe(code);
    expect(withCompileHint(hinted)).toBe(hinted);
    const map = { version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA,SAAS;AACA' };
    expect(JSON.parse(shiftSourceMapOneLine(JSON.stringify(map)))).toEqual({ ...map, mappings: ';AAAA,SAAS;AACA' });
    expect(() => shiftSourceMapOneLine('{"version":3}')).toThrow(/without mappings/);
  });
});

/**
 * The loader run as it is written, with `import()` and the extension APIs
 * faked: each failed fetch moves on to the next way in, anything else stops.
 */
async function runLoader(imports: Array<'ok' | 'fetch-fails' | 'fails-worded-otherwise' | 'throws'>, sendFails = false) {
  const tried: string[] = [];
  const sent: unknown[] = [];
  const errors: unknown[] = [];
  // A fresh global (node:vm), where the loader's `globalThis.chrome` is the fake; import() is renamed to the fake one.
  const context = createContext({});
  // The browser's import errors come from the loader's own realm.
  const RealmTypeError = runInContext('TypeError', context) as TypeErrorConstructor;
  const fakeImport = (url: string) => {
    tried.push(url);
    const outcome = imports[tried.length - 1] ?? 'fetch-fails';
    if (outcome === 'ok') return Promise.resolve({});
    if (outcome === 'throws') return Promise.reject(new ReferenceError('x is not defined'));
    if (outcome === 'fails-worded-otherwise') return Promise.reject(new RealmTypeError('error loading dynamically requested resource'));
    return Promise.reject(new RealmTypeError(`Failed to fetch dynamically imported module: ${url}`));
  };
  const chrome = {
    runtime: {
      id: 'abcdefghijklmnopabcdefghijklmnop',
      getURL: (path: string) => `chrome-extension://0c7a6f0e-1111-2222-3333-444455556666/${path}`,
      sendMessage: vi.fn(async (m: unknown) => {
        sent.push(m);
        if (sendFails) throw new Error('Could not establish connection.');
        return { ok: true, data: { started: true } };
      }),
    },
  };
  Object.assign(context, { __import: fakeImport, chrome, console: { error: (...args: unknown[]) => void errors.push(args) } });
  runInContext(loaderSource('content-scripts/facebook.js').replace(/\bimport\(/g, '__import('), context);
  await new Promise((r) => setTimeout(r, 0));
  return { tried, sent, errors };
}

describe('the loader', () => {
  it('imports the bundle from the address the browser gives, once', async () => {
    const r = await runLoader(['ok']);
    expect(r.tried).toEqual(['chrome-extension://0c7a6f0e-1111-2222-3333-444455556666/content-scripts/facebook.js']);
    expect(r.sent).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('tries the extension’s own address when that fetch fails, then asks the background to inject it', async () => {
    const second = await runLoader(['fetch-fails', 'ok']);
    expect(second.tried[1]).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/facebook.js');
    expect(second.sent).toEqual([]);
    // However the browser words the failed fetch.
    expect((await runLoader(['fails-worded-otherwise', 'ok'])).tried).toHaveLength(2);
    const third = await runLoader(['fetch-fails', 'fetch-fails']);
    expect(third.tried).toHaveLength(2);
    expect(third.sent).toEqual([{ type: 'CS_START_CONTENT', script: 'content-scripts/facebook.js' }]);
    expect(third.errors).toEqual([]);
  });

  it('does not load a bundle again when it was fetched and failed, and says so when nothing works', async () => {
    const failed = await runLoader(['throws']);
    expect(failed.tried).toHaveLength(1);
    expect(failed.sent).toEqual([]);
    expect(String((failed.errors[0] as unknown[])[0])).toMatch(/could not start/);
    const nothing = await runLoader(['fetch-fails', 'fetch-fails'], true);
    expect(nothing.sent).toHaveLength(1);
    expect(nothing.errors).toHaveLength(1);
  });
});
