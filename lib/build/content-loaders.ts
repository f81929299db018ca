/**
 * Chrome's content scripts as modules (build step, wxt.config.ts).
 *
 * A content script listed in the manifest is compiled on the page's main
 * thread at every page load (Chromium keeps no code cache for them): about
 * 9 ms for ours on the benchmark machine. A module that a content script
 * imports is parsed on a background thread instead, so each listed script
 * becomes a one-line loader that imports the real one, which stays where WXT
 * built it and is made web-accessible to the same sites, only through the
 * browser's per-session address (`use_dynamic_url`, so sites cannot probe for
 * it). BENCHMARKS.md (tenth session) has the figures.
 *
 * The loader tries, in turn: the address `runtime.getURL` gives (the
 * per-session one where the browser honours `use_dynamic_url`); the
 * extension's own address (Chrome 130 gave the per-session one but its
 * content-script policy refused it, https://issues.chromium.org/363027634);
 * and last the background, which injects the script as an ordinary content
 * script (CS_START_CONTENT). Only a TypeError (what a failed fetch rejects
 * with) moves on; the bundle's own startup errors are asynchronous (WXT runs
 * main in a promise), so a retry never starts a second instance.
 *
 * Each bundle also starts with V8's compile hint `//# allFunctionsCalledOnLoad`:
 * its functions are then compiled with the module on the background thread,
 * not one by one on the main thread the first time the page runs them (the
 * first reading of a page runs most of them).
 */

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  [key: string]: unknown;
}

export interface ManifestWebAccessibleResource {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
  [key: string]: unknown;
}

export interface LoaderManifest {
  content_scripts?: ManifestContentScript[];
  web_accessible_resources?: ManifestWebAccessibleResource[] | string[];
  [key: string]: unknown;
}

export interface LoaderFile {
  /** Path inside the built extension. */
  file: string;
  contents: string;
}

/** The scripts this step turns into modules: WXT's content script bundles. */
export const CONTENT_MODULE_PATTERN = /^content-scripts\/[a-z0-9-]+\.js$/;

/** The loader's name for a content script bundle: `content-scripts/x.js` -> `content-scripts/x.loader.js`. */
export function loaderPath(script: string): string {
  return script.replace(/\.js$/, '.loader.js');
}

/** The source of the loader that imports `script` (a path inside the extension). */
export function loaderSource(script: string): string {
  if (!CONTENT_MODULE_PATTERN.test(script)) throw new Error(`Not a content script bundle: ${script}`);
  const path = JSON.stringify(script);
  // Plain ES2020 without imports: this file is compiled on the main thread at every page load.
  return `(() => {
  const path = ${path};
  const runtime = globalThis.chrome.runtime;
  // A module that cannot be fetched rejects with a TypeError (its wording is the browser's); one that was fetched
  // and threw at its top level is not fetched again unless it threw one too, and then it fails the same way again.
  const next = (load) => (e) => { if (!(e instanceof TypeError)) throw e; return load(); };
  import(runtime.getURL(path))
    .catch(next(() => import("chrome-extension://" + runtime.id + "/" + path)))
    .catch(next(() => runtime.sendMessage({ type: "CS_START_CONTENT", script: path })))
    .catch((e) => console.error("Social Desk could not start on this page:", e));
})();
`;
}

/**
 * Rewrites a generated Chrome manifest in place: every content script bundle it
 * lists is replaced by its loader and made web-accessible (per-session address)
 * to the pages that script runs on. Returns the loaders to write.
 */
export function loadContentScriptsAsModules(manifest: LoaderManifest): LoaderFile[] {
  const loaders: LoaderFile[] = [];
  const resources = (manifest.web_accessible_resources ?? []) as ManifestWebAccessibleResource[];
  if (resources.some((r) => typeof r === 'string')) throw new Error('web_accessible_resources in the Manifest V2 form: module content scripts are for Manifest V3 builds');
  for (const script of manifest.content_scripts ?? []) {
    if (!script.js) continue;
    const modules = script.js.filter((file) => CONTENT_MODULE_PATTERN.test(file));
    if (modules.length === 0) continue;
    if (!script.matches?.length) throw new Error(`Content script ${modules.join(', ')} has no matches`);
    script.js = script.js.map((file) => {
      if (!CONTENT_MODULE_PATTERN.test(file)) return file;
      loaders.push({ file: loaderPath(file), contents: loaderSource(file) });
      return loaderPath(file);
    });
    resources.push({ resources: modules, matches: [...script.matches], use_dynamic_url: true });
  }
  if (loaders.length > 0) manifest.web_accessible_resources = resources;
  return loaders;
}

/** V8's file-wide compile hint: compile every function of the script eagerly (with streaming, off the main thread). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** `code` with the compile hint as its first line (once). */
export function withCompileHint(code: string): string {
  return code.startsWith(`${COMPILE_HINT}\n`) ? code : `${COMPILE_HINT}\n${code}`;
}

/** A source map (JSON) for the same code with one line added at its top. */
export function shiftSourceMapOneLine(mapJson: string): string {
  const map = JSON.parse(mapJson) as { mappings?: unknown };
  if (typeof map.mappings !== 'string') throw new Error('A source map without mappings');
  return JSON.stringify({ ...map, mappings: `;${map.mappings}` });
}

/** The content script bundles a built manifest makes web-accessible for its loaders (what CS_START_CONTENT may inject). */
export function contentModules(manifest: { web_accessible_resources?: unknown }): string[] {
  const out = new Set<string>();
  const entries = Array.isArray(manifest.web_accessible_resources) ? (manifest.web_accessible_resources as unknown[]) : [];
  for (const entry of entries) {
    const files = typeof entry === 'object' && entry !== null ? (entry as { resources?: unknown }).resources : undefined;
    if (!Array.isArray(files)) continue;
    for (const file of files) if (typeof file === 'string' && CONTENT_MODULE_PATTERN.test(file)) out.add(file);
  }
  return [...out];
}
