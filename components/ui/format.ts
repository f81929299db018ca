import type { Translate } from '@/lib/i18n';

// Built once: a formatter costs far more to make than to use, and the panel formats every count it shows.
const standard = new Intl.NumberFormat(undefined, { notation: 'standard', maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return (n >= 10_000 ? compact : standard).format(n);
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
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
