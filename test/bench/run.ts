/**
 * `npm run bench`: measures the built extension (.output/chrome-mv3) in
 * Debian's Chromium side by side with a browser without it (and any --compare
 * extension), prints a table of figures with their budgets, and writes them to
 * bench/results.json. Builds nothing except, for the size breakdown, one
 * content script with a source map into a temporary folder. Method: BENCHMARKS.md.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXTENSION_DIR, ROOT } from '../e2e/harness';
import { parseArgs, USAGE, type BenchOptions } from './args';
import { BASELINE, compareVariants, manifestOf, OURS, snapshotExtension, type Variant } from './browser';
import { analysisBuild, breakdown, contentScriptSizes, onDemandScriptSizes, sameScript, type BundleBreakdown } from './bundle';
import { hotspots, hotspotsText, mappedScripts, type Hotspots, type MappedScripts } from './hotspots';
import { longTasksText, type ExtensionFrame } from './trace';
import { breakdownText, captureFigures, dashboardFigures, feedFigures, popupFigures, startupFigures } from './figures';
import { machine, table, verdict, type Figure } from './report';
import { buildCommentsPage, type CommentsPage } from './comments-page';
import { runCapture } from './scenarios/capture';
import { runPopupAndDashboard } from './scenarios/data';
import { runFeed, type FeedPlatformResult } from './scenarios/feed';
import { ownIdentities, runStartup, type LoadDiagnosis } from './scenarios/startup';

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const log = (line: string) => console.log(`[${elapsed().padStart(6)}] ${line}`);
/** Comments added to each platform's own post for the busy-post start-up figures. */
const BUSY_COMMENTS = 150;

async function main(o: BenchOptions) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}. Run \`npm run build\` first.`);
  const m = machine();
  const compare = compareVariants(o.compare);
  const built = statSync(join(EXTENSION_DIR, 'manifest.json')).mtime;
  // Every extension runs from a copy, so a rebuild in the working tree during the run changes nothing.
  OURS.extensionDir = await snapshotExtension(EXTENSION_DIR);
  for (const c of compare) c.extensionDir = await snapshotExtension(c.extensionDir!);
  const snapshots = [OURS.extensionDir, ...compare.map((c) => c.extensionDir!)];
  process.on('exit', () => {
    for (const dir of snapshots) rmSync(dir, { recursive: true, force: true });
  });
  const ours = OURS.extensionDir;
  const extensionVariants: Variant[] = [OURS, ...compare];
  const compareKeys = compare.map((c) => c.key);
  log(`Social Desk benchmark — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.chromium}, Node ${m.node}`);
  log(`extension: ${EXTENSION_DIR} (built ${built.toISOString()})${compare.length ? `; comparing with ${compare.map((c) => `${c.key} = ${c.extensionDir}`).join(', ')}` : ''}`);
  log(`scenarios: ${o.scenarios.join(', ')}; platforms: ${o.platforms.join(', ')}; runs ${o.runs}; posts ${o.posts}`);

  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  const feedResults: FeedPlatformResult[] = [];
  const startupDiagnoses: LoadDiagnosis[] = [];
  const failures: string[] = [];
  const attempt = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      failures.push(`${name}: ${message.split('\n')[0]}`);
      log(`${name} FAILED: ${message}`);
    }
  };

  // One build of the content scripts with source maps (temporary folder), first, so it is made from the same
  // sources as the build under test: the size breakdown, and the map from the profiles' minified frames to
  // source files ("where the time goes").
  const analysis: { breakdown: BundleBreakdown | null; mapped: MappedScripts | null } = { breakdown: null, mapped: null };
  if (o.scenarios.includes('startup') || o.scenarios.includes('feed')) {
    await attempt('analysis build', async () => {
      log(`analysis build of ${o.platforms.length} content scripts with source maps (temporary folder)…`);
      const analysed = await analysisBuild(o.platforms);
      const same = analysed.map((a) => ({ entry: a.entry, same: sameScript(a, join(ours, 'content-scripts', `${a.entry}.js`)) }));
      raw.analysisMatchesMeasured = same;
      const first = analysed[0]!;
      analysis.breakdown = breakdown(first.code, first.map, first.entry);
      raw.breakdown = analysis.breakdown;
      analysis.mapped = mappedScripts(analysed, (a) => same.find((x) => x.entry === a.entry)?.same === true);
      const differ = same.filter((x) => !x.same).map((x) => x.entry);
      if (differ.length) log(`  note: the sources no longer build exactly what is measured for ${differ.join(', ')} (rebuild first); their time is shown unmapped`);
    });
  }

  if (o.scenarios.includes('feed')) {
    log(`1. Feed overhead: ${o.platforms.length} platforms × ${o.runs} runs × ${1 + extensionVariants.length} browsers, ${o.posts} posts each, scrolled ${o.scroll === 'end' ? 'to the end' : 'through each post'} after each batch`);
    const results: FeedPlatformResult[] = [];
    for (const platform of o.platforms) {
      await attempt(`feed ${platform}`, async () => {
        results.push(await runFeed(platform, [BASELINE, ...extensionVariants], o.runs, { posts: o.posts, batch: 10, keepFull: 40, scroll: o.scroll }, log));
      });
    }
    raw.feed = results;
    feedResults.push(...results);
    figures.push(...feedFigures(results, extensionVariants.map((v) => v.key)));
  }

  if (o.scenarios.includes('startup')) {
    log('2. Start-up: page loads, content script sizes, panel');
    await attempt('start-up', async () => {
      const me = await ownIdentities(o.platforms);
      // Each platform's own post with BUSY_COMMENTS more comments (test/bench/comments-page.ts).
      const busyPages = new Map<string, CommentsPage>();
      const busy = { comments: {} as Record<string, number>, failed: {} as Record<string, string> };
      for (const platform of o.platforms) {
        try {
          const page = await buildCommentsPage(platform, me[platform]!, BUSY_COMMENTS);
          busyPages.set(platform, page);
          busy.comments[platform] = page.comments;
        } catch (e) {
          busy.failed[platform] = e instanceof Error ? e.message : String(e);
        }
      }
      const { samples, panel, panelErrors, diagnoses } = await runStartup(o.platforms, [BASELINE, ...extensionVariants], o.runs + 1, me, log, busyPages);
      startupDiagnoses.push(...diagnoses);
      const sizes = contentScriptSizes(ours);
      const onDemand = onDemandScriptSizes(ours);
      raw.startup = { samples, panel, panelErrors, diagnoses, sizes, onDemand, busy, compareSizes: Object.fromEntries(compare.map((c) => [c.key, contentScriptSizes(c.extensionDir!)])) };
      figures.push(...startupFigures(samples, panel, panelErrors, sizes, extensionVariants.map((v) => v.key), o.platforms, onDemand, busy));
    });
  }

  if (o.scenarios.includes('capture')) {
    log('3. Capture: 25 batches of 200 comments through CS_CAPTURE_PAGE');
    await attempt('capture', async () => {
      const c = await runCapture(25, 200);
      raw.capture = c;
      figures.push(...captureFigures(c));
      log(`  ${c.rowsWritten} rows in ${c.firstPass.totalMs.toFixed(0)} ms; re-capture ${c.recapture.totalMs.toFixed(0)} ms`);
    });
  }

  if (o.scenarios.includes('popup') || o.scenarios.includes('dashboard')) {
    log(`4./5. Popup and dashboard at scale: 1,000 and ${o.interactions.toLocaleString('en')} interactions, ${o.library.toLocaleString('en')} saved posts`);
    await attempt('popup and dashboard', async () => {
      const { scales, dashboard } = await runPopupAndDashboard({ small: Math.min(1000, o.interactions), large: o.interactions, runs: o.runs, library: o.library }, log);
      raw.popup = scales;
      raw.dashboard = dashboard;
      if (o.scenarios.includes('popup')) figures.push(...popupFigures(scales));
      if (o.scenarios.includes('dashboard')) figures.push(...dashboardFigures(dashboard, o.interactions));
    });
  }

  // Where the time goes, per platform: the profiles' extension frames through the source maps.
  const hot: Record<string, Hotspots> = {};
  const hotLoad: Record<string, Hotspots> = {};
  const mapped = analysis.mapped ?? { scripts: new Map() };
  for (const res of feedResults) {
    const runs = res.runs.filter((r) => r.variant === 'ours');
    if (!runs.length) continue;
    const merged = new Map<string, ExtensionFrame>();
    for (const f of runs.flatMap((r) => r.extensionFrames)) {
      const key = `${f.url}|${f.functionName}|${f.line}|${f.column}`;
      const m = merged.get(key) ?? { ...f, totalMs: 0, selfMs: 0 };
      m.totalMs += f.totalMs;
      m.selfMs += f.selfMs;
      merged.set(key, m);
    }
    hot[res.platform] = hotspots([...merged.values()], runs.length, runs[0]!.posts, mapped);
  }
  for (const d of startupDiagnoses) hotLoad[d.platform] = hotspots(d.extensionFrames, 1, 1, mapped);
  raw.hotspots = hot;
  raw.loadHotspots = hotLoad;

  const labels = ['ours', ...compareKeys];
  console.log('');
  console.log(`Social Desk ${manifestOf(ours).version} — ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB), ${m.chromium}, ${m.os}`);
  if (compare.length) console.log(`Compared: ${compare.map((c) => `${c.key} = ${manifestOf(c.extensionDir!).name} ${manifestOf(c.extensionDir!).version}`).join('; ')}`);
  console.log('');
  console.log(table(figures, compareKeys));
  const notes = new Map<string, string[]>();
  for (const f of figures.filter((x) => x.note)) notes.set(f.note!, [...(notes.get(f.note!) ?? []), `${f.section} / ${f.label}`]);
  for (const [note, where] of notes) console.log(`  note — ${where.join('; ')}: ${note}`);
  if (analysis.breakdown) {
    console.log('');
    console.log(breakdownText(analysis.breakdown));
  }
  if (Object.keys(hot).length) {
    console.log('');
    console.log('Where our content script spends its feed time, per post (sampling profiler, all runs):');
    for (const [platform, h] of Object.entries(hot)) console.log(hotspotsText(platform, h));
  }
  if (startupDiagnoses.length) {
    console.log('');
    console.log('What one page load of ours is made of (a traced load of each own-post page and busy own post; ms per load):');
    for (const d of startupDiagnoses) {
      console.log(`  ${d.platform}: content script compile ${d.compileMs.toFixed(1)} ms, top-level evaluation ${d.evaluateMs.toFixed(1)} ms, extension code in all ${d.extensionMs.toFixed(1)} ms${longTasksText(d.longTasks)}`);
      const h = hotLoad[d.platform];
      if (h) console.log(hotspotsText(d.platform, h, d.busy ? 10 : 5, 'ms/load'));
    }
  }
  const verdicts = figures.map(verdict);
  const missed = verdicts.filter((v) => v === 'MISS').length;
  const passed = verdicts.filter((v) => v === 'PASS').length;
  console.log('');
  console.log(`${passed} within budget, ${missed} missed, ${failures.length} scenario failures. ${elapsed()} in all.`);
  for (const f of failures) console.log(`  FAILED ${f}`);

  const out = resolve(ROOT, o.out);
  mkdirSync(dirname(out), { recursive: true });
  const result = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: m,
    extension: { dir: EXTENSION_DIR, builtAt: built.toISOString(), ...manifestOf(ours), packageVersion: (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version },
    compare: compare.map((c) => ({ key: c.key, dir: c.extensionDir, ...manifestOf(c.extensionDir!) })),
    options: o,
    columns: labels,
    figures: figures.map((f) => ({ ...f, verdict: verdict(f) })),
    failures,
    raw,
  };
  // Microseconds are noise at this scale: three decimals keep the file readable and diffable.
  const round = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
  writeFileSync(out, `${JSON.stringify(result, round, 1)}\n`);
  console.log(`Figures written to ${out}`);
  return failures.length ? 1 : 0;
}

let options: BenchOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
main(options).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
