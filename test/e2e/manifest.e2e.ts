import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from './harness';

/**
 * Least privilege, held by a snapshot: adding a permission or a host makes
 * this fail, so it is a decision written down in test/e2e/manifest.snapshot.json.
 */
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const snapshot = JSON.parse(readFileSync(join(ROOT, 'test/e2e/manifest.snapshot.json'), 'utf8')) as Record<string, unknown>;

describe('the built manifest', () => {
  it('asks for exactly the permissions and hosts written down', () => {
    expect({
      permissions: manifest.permissions,
      host_permissions: manifest.host_permissions,
      optional_permissions: manifest.optional_permissions ?? [],
      optional_host_permissions: manifest.optional_host_permissions ?? [],
    }).toEqual(snapshot);
  });

  it('has no <all_urls>, keeps the default content security policy, and is not reachable from web pages', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('exposes web-accessible resources only with use_dynamic_url (sites probe for known extension ids)', () => {
    const resources = (manifest.web_accessible_resources ?? []) as Array<{ use_dynamic_url?: boolean; resources: string[] }>;
    for (const entry of resources) expect(entry.use_dynamic_url, entry.resources.join(', ')).toBe(true);
  });

  it('runs content scripts only on the hosts it has permission for', () => {
    const hosts = new Set(manifest.host_permissions as string[]);
    for (const script of manifest.content_scripts as Array<{ matches: string[] }>) for (const m of script.matches) expect(hosts.has(m), m).toBe(true);
  });
});
