/**
 * Remembers the answers of a pure function of strings (an href and its base →
 * a canonical profile url): a feed repeats the same few hundred links in every
 * post, and parsing each with `new URL` again is a large part of reading a post.
 *
 * Answers are kept in two generations of at most `max` each: when the newer one
 * is full it becomes the older one and the oldest answers are dropped, and an
 * answer found in the older one is carried into the newer one. So what was asked
 * lately stays (a post read again after a change asks for the same links), a long
 * session's memory stays bounded (at most 2 × `max` answers), and nothing is
 * dropped all at once while it is still being asked for. Keep `max` small for
 * links that belong to one post: with 5,000 answers kept each, the heap growth
 * over a 2,000-post Facebook feed went over its 2 MB budget (npm run bench).
 *
 * Answers are found by base, then by the string itself: no key is built by
 * joining the two (links are long, and a joined key is a new string to hash at
 * every call).
 */
export function memoizeStrings<R>(fn: (a: string, b: string) => R, max = 500): (a: string, b: string) => R {
  let newer = new Map<string, Map<string, R>>();
  let older = new Map<string, Map<string, R>>();
  let size = 0;
  const remember = (a: string, b: string, value: R) => {
    if (size >= max) {
      older = newer;
      newer = new Map();
      size = 0;
    }
    let answers = newer.get(b);
    if (answers === undefined) newer.set(b, (answers = new Map()));
    answers.set(a, value);
    size++;
  };
  return (a, b) => {
    const recent = newer.get(b);
    if (recent !== undefined) {
      const hit = recent.get(a);
      if (hit !== undefined || recent.has(a)) return hit as R;
    }
    const earlier = older.get(b);
    let value: R;
    if (earlier !== undefined && earlier.has(a)) value = earlier.get(a) as R;
    else value = fn(a, b);
    remember(a, b, value);
    return value;
  };
}

/**
 * A link parser (an href and the base it is read against) remembered with
 * memoizeStrings: no href is no answer, and a URL base is remembered by its href.
 * The platforms' link readers are all of this shape.
 */
export function memoizeLinks<R>(parse: (href: string, base: string) => R, max?: number): (href: string | null, base: string | URL) => R | null {
  const remembered = memoizeStrings(parse, max);
  return (href, base) => (href === null ? null : remembered(href, typeof base === 'string' ? base : base.href));
}
