/**
 * Remembers the answers of a pure function of strings (an href and its base →
 * a canonical profile url): a feed repeats the same few hundred links in every
 * post, and parsing each with `new URL` again is a large part of reading a post.
 * Holds at most `max` answers; when full it starts over, so a long session's
 * memory stays bounded. Keep `max` small for links that belong to one post:
 * with 5,000 answers kept each, the heap growth over a 2,000-post Facebook feed
 * went over its 2 MB budget (npm run bench).
 */
export function memoizeStrings<R>(fn: (a: string, b: string) => R, max = 500): (a: string, b: string) => R {
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
