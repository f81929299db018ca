const keys = new Map<string, string | null>();
/** Bounds the memo: a long feed names thousands of profiles. */
const MAX_KEYS = 5_000;

/** Profile urls are compared in one canonical form: lower-case host and path, no query, hash or trailing slash. */
export function canonicalProfileKey(url: string | null | undefined): string | null {
  if (!url) return null;
  // Every post and comment read is compared with the user's profile, so the same urls come back all the time.
  let key = keys.get(url);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = parseProfileKey(url);
    keys.set(url, key);
  }
  return key;
}

function parseProfileKey(url: string): string | null {
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname).replace(/\/+$/, '');
    // facebook.com/profile.php?id=123: the id is the profile, not the path.
    const id = path.endsWith('/profile.php') ? u.searchParams.get('id') : null;
    return `${u.hostname.replace(/^(www\.|m\.|mobile\.|web\.)/, '')}${path}${id ? `?id=${id}` : ''}`.toLowerCase();
  } catch {
    return null;
  }
}

export function sameProfile(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = canonicalProfileKey(a);
  return ka !== null && ka === canonicalProfileKey(b);
}
