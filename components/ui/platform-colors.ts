import type { Platform } from '@/lib/platforms/types';

/**
 * One colour per platform for charts: distinct from each other (not the
 * brands' own blues, which would be three shades of the same colour), and
 * readable on light and dark backgrounds. Every chart also names platforms in
 * its legend and text alternative, so colour is never the only cue.
 */
export const PLATFORM_COLORS: Record<Platform, string> = {
  linkedin: '#0a66c2',
  facebook: '#7b61ff',
  instagram: '#d62976',
  x: '#6b7280',
  youtube: '#e53935',
  threads: '#a16207',
  tiktok: '#00a3a3',
  other: '#f59e0b',
};
