import { describe, expect, it } from 'vitest';
import { sharedStyle } from './shared-style';

describe('sharedStyle', () => {
  it('adopts one sheet in every shadow root where the browser allows it', () => {
    const apply = sharedStyle(document, '.a { color: red; }');
    const roots = [0, 1, 2].map(() => document.createElement('span').attachShadow({ mode: 'open' }));
    roots.forEach(apply);
    const sheets = roots.map((r) => r.adoptedStyleSheets);
    expect(sheets[0]).toHaveLength(1);
    expect(sheets.every((s) => s.length === 1 && s[0] === sheets[0]![0])).toBe(true);
    expect(roots.every((r) => r.querySelector('style') === null)).toBe(true);
  });

  it('falls back to a <style> per root when adopting is refused', () => {
    const apply = sharedStyle(document, '.a { color: red; }');
    const refusing = () => {
      const root = document.createElement('span').attachShadow({ mode: 'open' });
      Object.defineProperty(root, 'adoptedStyleSheets', {
        set() {
          throw new Error('refused in this world');
        },
      });
      return root;
    };
    const roots = [refusing(), refusing()];
    roots.forEach(apply);
    for (const r of roots) expect(r.querySelector('style')?.textContent).toBe('.a { color: red; }');
  });
});
