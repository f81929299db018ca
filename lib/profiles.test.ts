import { describe, expect, it } from 'vitest';
import { canonicalProfileKey, sameProfile } from './profiles';

describe('profile matching', () => {
  it.each([
    ['https://www.linkedin.com/in/mei-lin-coffee/', 'https://linkedin.com/in/Mei-Lin-Coffee?trk=abc'],
    ['https://www.facebook.com/shanlan.coffee', 'https://m.facebook.com/shanlan.coffee/#top'],
    ['https://www.facebook.com/profile.php?id=100012', 'https://www.facebook.com/profile.php?id=100012&sk=about'],
    ['https://x.com/%E5%B1%B1%E5%B5%90', 'https://x.com/山嵐'],
  ])('%s is %s', (a, b) => expect(sameProfile(a, b)).toBe(true));

  it('tells different profile.php ids apart', () => {
    expect(sameProfile('https://www.facebook.com/profile.php?id=1', 'https://www.facebook.com/profile.php?id=2')).toBe(false);
  });

  it('never matches a missing or invalid url', () => {
    expect(sameProfile(null, null)).toBe(false);
    expect(canonicalProfileKey('not a url')).toBeNull();
  });
});
