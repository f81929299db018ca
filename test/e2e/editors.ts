import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './harness';

/**
 * The fixture pages' live editors (test/fixtures/editors/mount.tsx: the real
 * Lexical, Draft.js and Quill, a React textarea, a plain contenteditable),
 * bundled once into a script the tests put into a fixture page.
 */
let bundle: Promise<string> | null = null;

export function editorsBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(ROOT, 'test/fixtures/editors/mount.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    charset: 'ascii',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

/**
 * A fixture page with its editors made live: `pageScript` (the platform's own
 * behaviour: which button sends, what a Reply click opens) runs first, then
 * the editors mount. Both go in at the end of <body>, before the content
 * script (document_idle) runs.
 */
export async function withLiveEditors(html: string, pageScript: string): Promise<string> {
  const code = (await editorsBundle()).replace(/<\/script/gi, '<\\/script');
  const tags = `<script>${pageScript.replace(/<\/script/gi, '<\\/script')}</script><script>${code}</script>`;
  return html.includes('</body>') ? html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${tags}</body>`) : html + tags;
}
