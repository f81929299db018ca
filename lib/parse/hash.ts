/**
 * A small deterministic string hash (64-bit FNV-1a over UTF-8), for ids of things
 * a platform does not identify itself (e.g. a comment without a urn). Not
 * cryptographic: it only has to be stable across runs, browsers and versions.
 *
 * Computed on four 16-bit limbs so it needs neither BigInt nor a modern target.
 */

const encoder = new TextEncoder();
/** Where the UTF-8 bytes of the text being hashed are put (grown when a text needs more). */
let scratch = new Uint8Array(1024);

/**
 * 64-bit FNV-1a of `text` (UTF-8), as four 16-bit limbs, least significant first.
 *
 * The bytes are encoded into one reused buffer and read with an index, not
 * encoded into a new array and iterated with for…of: a page load hashes each
 * comment without an id of its own once, mostly before the JIT has seen this
 * function, and the new array and its iterator made that about 10 ms for 155
 * comments (BENCHMARKS.md).
 */
function fnv1a64Limbs(text: string): [number, number, number, number] {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const bytes = scratch;
  const length = encoder.encodeInto(text, bytes).written;
  // Offset basis 0xcbf29ce484222325.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < length; i++) {
    h0 ^= bytes[i] as number;
    // h *= 0x100000001b3 (mod 2^64), i.e. h * 0x1b3 + (h << 40).
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    let t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    t3 += t2 >>> 16;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h0, h1, h2, h3];
}

/** 64-bit FNV-1a of `text` as 16 lowercase hex digits (the form published test vectors use). */
export function fnv1a64Hex(text: string): string {
  const [h0, h1, h2, h3] = fnv1a64Limbs(text);
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/** 64-bit FNV-1a of `text` in base 36 (at most 13 characters). */
export function fnv1a64Base36(text: string): string {
  // Long division of the number, as two exact 32-bit halves, by 36, collecting remainders.
  const [h0, h1, h2, h3] = fnv1a64Limbs(text);
  let high = h3 * 0x10000 + h2;
  let low = h1 * 0x10000 + h0;
  let digits = '';
  while (high !== 0 || low !== 0) {
    const current = (high % 36) * 0x100000000 + low; // < 36 * 2^32: exact
    high = Math.floor(high / 36);
    low = Math.floor(current / 36);
    digits = (current % 36).toString(36) + digits;
  }
  return digits === '' ? '0' : digits;
}

/**
 * Hash of several fields. The separator (U+001F, unit separator) cannot occur in
 * page text we pass, so ['ab', 'c'] and ['a', 'bc'] hash differently.
 */
export function stableHash(parts: readonly string[]): string {
  return fnv1a64Base36(parts.join('\u001f'));
}
