import { expect, it } from 'vitest';
import { launch } from './harness';

// The no-network assertions elsewhere rest on this: a request from the extension's
// service worker is seen by the harness and never reaches the network.
it('sees and aborts a request made by the extension’s service worker', async () => {
  const session = await launch();
  try {
    const result = await session.worker.evaluate(() => fetch('https://example.com/probe').then(() => 'reached', () => 'failed'));
    expect(result).toBe('failed');
    expect(session.blocked).toContain('https://example.com/probe');
  } finally {
    await session.close();
  }
});
