/** `npm run bench -- [options]` */
import { FEED_PLATFORMS } from './feed-page';

export const FEED_SCROLLS = ['end', 'through'] as const;
export type FeedScroll = (typeof FEED_SCROLLS)[number];

export const SCENARIOS = ['feed', 'startup', 'capture', 'popup', 'dashboard'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchOptions {
  platforms: string[];
  runs: number;
  posts: number;
  compare: string[];
  scenarios: Scenario[];
  /** Interactions in the large popup/dashboard database. */
  interactions: number;
  /** Saved posts in the library. */
  library: number;
  /** How the feed is scrolled after each batch: to its end, or through each new post in turn. */
  scroll: FeedScroll;
  out: string;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]     (run \`npm run build\` first: this builds nothing)

  --platforms a,b      feed and start-up platforms (default: ${FEED_PLATFORMS.join(',')})
  --runs N             runs of each browser per measurement (default 5)
  --posts N            posts in each synthetic feed (default 2000)
  --compare <folder>   also run this unpacked extension through the same scenarios (repeatable)
  --scenarios a,b      any of ${SCENARIOS.join(',')} (default: all)
  --interactions N     interactions in the large popup/dashboard database (default 1000000)
  --library N          saved posts in the inspiration library (default 10000)
  --scroll end|through after each batch, scroll the feed to its end (default) or through each new post in turn
  --out <file>         where to write the figures as JSON (default bench/results.json)`;

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got ${value ?? 'nothing'}`);
  return n;
}

function list(flag: string, value: string | undefined): string[] {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new Error(`${flag} needs a comma-separated list`);
  return items;
}

export function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    platforms: [...FEED_PLATFORMS],
    runs: 5,
    posts: 2000,
    compare: [],
    scenarios: [...SCENARIOS],
    interactions: 1_000_000,
    library: 10_000,
    scroll: 'end',
    out: 'bench/results.json',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--platforms': {
        const p = list(flag, value());
        const unknown = p.filter((x) => !(FEED_PLATFORMS as readonly string[]).includes(x));
        if (unknown.length) throw new Error(`unknown platform ${unknown.join(', ')} (known: ${FEED_PLATFORMS.join(', ')})`);
        o.platforms = p;
        break;
      }
      case '--runs':
        o.runs = positiveInt(flag, value());
        break;
      case '--posts':
        o.posts = positiveInt(flag, value());
        break;
      case '--compare': {
        const dir = value();
        if (!dir) throw new Error('--compare needs an unpacked extension folder');
        o.compare.push(dir);
        break;
      }
      case '--scenarios': {
        const s = list(flag, value());
        const unknown = s.filter((x) => !(SCENARIOS as readonly string[]).includes(x));
        if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
        o.scenarios = s as Scenario[];
        break;
      }
      case '--interactions':
        o.interactions = positiveInt(flag, value());
        break;
      case '--library':
        o.library = positiveInt(flag, value());
        break;
      case '--scroll': {
        const scroll = value();
        if (!(FEED_SCROLLS as readonly (string | undefined)[]).includes(scroll)) throw new Error(`--scroll is one of ${FEED_SCROLLS.join(', ')}, got ${scroll ?? 'nothing'}`);
        o.scroll = scroll as FeedScroll;
        break;
      }
      case '--out': {
        const out = value();
        if (!out) throw new Error('--out needs a file name');
        o.out = out;
        break;
      }
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  return o;
}
