import { describe, expect, it } from 'vitest';
import { parseArgs, SCENARIOS } from './args';
import { FEED_PLATFORMS } from './feed-page';

describe('bench options', () => {
  it('defaults to every platform and scenario, 5 runs of 2,000 posts', () => {
    const o = parseArgs([]);
    expect(o.platforms).toEqual([...FEED_PLATFORMS]);
    expect(o.scenarios).toEqual([...SCENARIOS]);
    expect(o).toMatchObject({ runs: 5, posts: 2000, compare: [], interactions: 1_000_000, library: 10_000, scroll: 'end', out: 'bench/results.json' });
  });

  it('reads every option, with a space or an equals sign', () => {
    const o = parseArgs(['--platforms', 'x,linkedin', '--runs=3', '--posts', '500', '--compare', 'a', '--compare=b', '--scenarios', 'feed', '--interactions', '5000', '--library=20', '--scroll', 'through']);
    expect(o).toMatchObject({ platforms: ['x', 'linkedin'], runs: 3, posts: 500, compare: ['a', 'b'], scenarios: ['feed'], interactions: 5000, library: 20, scroll: 'through' });
  });

  it('refuses what it does not know', () => {
    expect(() => parseArgs(['--platforms', 'myspace'])).toThrow(/unknown platform myspace/);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/positive whole number/);
    expect(() => parseArgs(['--scenarios', 'feed,fast'])).toThrow(/unknown scenario fast/);
    expect(() => parseArgs(['--scroll', 'sideways'])).toThrow(/--scroll is one of end, through, got sideways/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});
