/**
 * Remembers the answers of a pure function of strings (an href and its base →
 * a canonical profile url): a feed repeats the same few hundred links in every
 * post, and parsing each with `new URL` again is a large part of reading a post.
 * Holds at most `max` answers; when full it starts over, so a long session's
 * memory stays bounded.
 */
export function memoizeStrings<R>(fn: (a: string, b: string) => R, max = 5_000): (a: string, b: string) => R {
  let cache = new Map<string, R>();
  return (a, b) => {
    const key = `${b.length}:${b}${a}`;
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as R;
    const value = fn(a, b);
    if (cache.size >= max) cache = new Map();
    cache.set(key, value);
    return value;
  };
}
