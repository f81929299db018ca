import type { Platform } from './types';

/**
 * Which platform serves a host. Used by the manifest (host permissions and
 * content-script matches) and by tools; adapters still check urls themselves.
 */
export const PLATFORM_HOSTS: Record<Exclude<Platform, 'other'>, readonly string[]> = {
  linkedin: ['www.linkedin.com'],
  facebook: ['www.facebook.com', 'web.facebook.com'],
  instagram: ['www.instagram.com'],
  x: ['x.com', 'twitter.com'],
  youtube: ['www.youtube.com'],
  threads: ['www.threads.com', 'www.threads.net'],
  tiktok: ['www.tiktok.com'],
};

export function platformOfHost(hostname: string): Exclude<Platform, 'other'> | null {
  for (const [platform, hosts] of Object.entries(PLATFORM_HOSTS)) {
    if (hosts.includes(hostname)) return platform as Exclude<Platform, 'other'>;
  }
  return null;
}

/** Match patterns for a platform's pages (`https://host/*`). */
export function matchPatterns(platform: Exclude<Platform, 'other'>): string[] {
  return PLATFORM_HOSTS[platform].map((host) => `https://${host}/*`);
}
