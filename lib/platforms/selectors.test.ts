// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anyOf, firstMatching } from './selectors';

function dom(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild as HTMLElement;
}

describe('firstMatching', () => {
  const root = dom(`
    <p class="a" id="a1"></p>
    <section><p class="a b" id="a2"></p><p class="b" id="b1"></p></section>
    <p class="c" id="c1"></p>`);

  it('prefers the first variant that has an accepted match, in document order within it', () => {
    expect(firstMatching(root, ['.b', '.a'])?.id).toBe('a2');
    expect(firstMatching(root, ['.x', '.a'])?.id).toBe('a1');
    expect(firstMatching(root, ['.x', '.y'])).toBeNull();
  });

  it('walks on past refused candidates, and to the next variant when all are refused', () => {
    expect(firstMatching(root, ['.a'], (el) => el.id !== 'a1')?.id).toBe('a2');
    expect(firstMatching(root, ['.b'], (el) => el.id === 'b1')?.id).toBe('b1');
    expect(firstMatching(root, ['.a', '.c'], (el) => !el.classList.contains('a'))?.id).toBe('c1');
  });

  it('tries the root itself first only when asked', () => {
    const section = root.querySelector('section')!;
    section.classList.add('b');
    expect(firstMatching(section, ['.b'])?.id).toBe('a2');
    expect(firstMatching(section, ['.b'], undefined, true)).toBe(section);
    expect(firstMatching(section, ['.b'], (el) => el !== section, true)?.id).toBe('a2');
    section.classList.remove('b');
  });

  it('joins a variant list once', () => {
    const variants = ['.a', '.b'] as const;
    expect(anyOf(variants)).toBe('.a, .b');
    expect(anyOf(variants)).toBe(anyOf(variants));
  });
});
