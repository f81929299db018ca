/** Bundles inpage/db-bench.ts into a script for the extension's worker or pages (defines `globalThis.__sdDbBench`). */
import { build } from 'esbuild';
import type { Page, Worker } from 'playwright-core';
import { ROOT } from '../e2e/harness';
import type { DbBench } from './inpage/db-bench';

let code: Promise<string> | null = null;

export function dbBenchBundle(): Promise<string> {
  code ??= build({
    stdin: { contents: `import { api } from './test/bench/inpage/db-bench.ts'; globalThis.__sdDbBench = api;`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    // Dexie holds a raw U+FFFF; keep the script ASCII like the extension's own bundles.
    charset: 'ascii',
    target: 'es2022',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return code;
}

/** What Page and Worker have in common here (their evaluate signatures differ only in overloads). */
interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R>(expression: string): Promise<R>;
}

/** Loads the bundle into a worker or page once; returns a caller for its functions. */
export async function dbBench(where: Worker | Page) {
  const target = where as unknown as Evaluator;
  const loaded = await target.evaluate(() => typeof (globalThis as unknown as { __sdDbBench?: unknown }).__sdDbBench === 'object');
  if (!loaded) await target.evaluate<unknown>(await dbBenchBundle());
  return <K extends keyof DbBench>(fn: K, ...args: Parameters<DbBench[K]>): Promise<Awaited<ReturnType<DbBench[K]>>> =>
    target.evaluate(
      ([name, a]: readonly [string, unknown[]]) => {
        const api = (globalThis as unknown as { __sdDbBench: Record<string, (...x: unknown[]) => unknown> }).__sdDbBench;
        return api[name]!(...a);
      },
      [fn, args as unknown[]] as const,
    ) as Promise<Awaited<ReturnType<DbBench[K]>>>;
}
