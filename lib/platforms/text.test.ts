import { describe, expect, it } from 'vitest';
import { tidyText, type TidyOptions } from './text';

/** The clean-up each reader ran before tidyText, written out in full (the slow path for every text). */
function reference(text: string, options: TidyOptions): string {
  let out = options.dropZeroWidth ? text.replace(/[\u200b\ufeff]/g, '') : text;
  out = out.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n');
  if (options.oneBlankLine) out = out.replace(/\n{3,}/g, '\n\n');
  return out.replace(/^\n+|\n+$/g, '').trim();
}

const VARIANTS: TidyOptions[] = [{}, { oneBlankLine: true }, { oneBlankLine: true, dropZeroWidth: true }];

describe('tidyText', () => {
  it.each([
    ['one plain line is only trimmed', ' Ann Lee ', {}, 'Ann Lee'],
    ['runs of spaces become one, line breaks stay', 'a   b\n\n\n\nc', {}, 'a b\n\n\n\nc'],
    ['at most one blank line where asked', 'a\n\n\n\nc', { oneBlankLine: true }, 'a\n\nc'],
    ['spaces beside a line break go', 'a \n b', {}, 'a\nb'],
    ['a no-break space and a tab are spaces', '1.2\u00a0K\tlikes', {}, '1.2 K likes'],
    ['zero-width characters go where asked', 'Ann\u200b Lee\ufeff', { dropZeroWidth: true }, 'Ann Lee'],
    ['line breaks at either end go', '\n\n a \n\n', {}, 'a'],
  ] as const)('%s', (_name, text, options, expected) => {
    expect(tidyText(text, options)).toBe(expected);
  });

  it('gives what the full clean-up gives, for any mix of characters (fast path included)', () => {
    const alphabet = ['a', 'b', '字', ' ', ' ', '\n', '\t', '\u00a0', '\u200b', '\ufeff', '\r', '.'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 12);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      if (!/[^\S ]| {2}|[\u200b\ufeff]/.test(text)) fast++;
      for (const options of VARIANTS) expect(tidyText(text, options), JSON.stringify(text)).toBe(reference(text, options));
    }
    // Both paths were exercised.
    expect(fast).toBeGreaterThan(100);
    expect(fast).toBeLessThan(3000);
  });
});
