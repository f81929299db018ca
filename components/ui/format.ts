import type { Translate } from '@/lib/i18n';

/**
 * A formatter costs far more to make than to use, and the panel formats every
 * count it shows, so each is made once, and only when first needed: the first
 * `Intl` object in a renderer process costs 15-20 ms (ICU's start; BENCHMARKS.md),
 * which the panel's first frame would otherwise pay on a page that never used `Intl`.
 */
function lazyFormat(options: Intl.NumberFormatOptions): (n: number) => string {
  let format: Intl.NumberFormat | null = null;
  return (n) => (format ??= new Intl.NumberFormat(undefined, options)).format(n);
}
const standard = lazyFormat({ notation: 'standard', maximumFractionDigits: 1 });
const compact = lazyFormat({ notation: 'compact', maximumFractionDigits: 1 });
const percent = lazyFormat({ style: 'percent', maximumFractionDigits: 0 });

/**
 * Whether `Intl` would print a whole number under 1,000 as its plain digits in the
 * browser's language: English and Chinese write Latin digits without grouping there.
 * Other languages (some write other digits) always go through `Intl`.
 */
const plainSmallIntegers = (language: string | undefined) => /^(?:en|zh)(?:-|$)/i.test(language ?? '');
let plainSmall: boolean | null = null;

export function formatCount(n: number): string {
  plainSmall ??= plainSmallIntegers(globalThis.navigator?.language);
  if (plainSmall && Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  return n >= 10_000 ? compact(n) : standard(n);
}

export function formatRelative(at: number, now: number, t: Translate): string {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return t('timeJustNow');
  if (minutes < 60) return t('timeMinutes', String(minutes));
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t('timeHours', String(hours));
  return t('timeDays', String(Math.round(hours / 24)));
}

export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('durationMinutes', String(minutes));
  const hours = ms / 3_600_000;
  if (hours < 48) return t('durationHours', hours.toFixed(hours < 10 ? 1 : 0));
  return t('durationDays', (hours / 24).toFixed(1));
}

export function formatPercent(ratio: number): string {
  return percent(ratio);
}

/** For tests: the check formatCount makes of the browser's language. */
export const formatInternals = { plainSmallIntegers };
