/**
 * `npm run demo`: opens Chromium with the built extension on a demo LinkedIn
 * post (the project's own fixture, served at the real address by request
 * interception; nothing reaches the network), so a newcomer sees the panel
 * work without an account.
 *
 *   npm run demo                                   # a window; close it to quit
 *   npm run demo -- --headless --screenshot out.png
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, openExtensionPage, ROOT } from '../test/e2e/harness';
import type { Locator } from 'playwright-core';

const DEMO_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Waits until the closed panel's tab counts the page's waiting comments (the page was read and logged). */
async function expectWaitingCount(tab: Locator) {
  for (let i = 0; i < 200; i++) {
    if (/\d/.test((await tab.getAttribute('aria-label').catch(() => null)) ?? '')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the panel’s tab never counted the waiting comments');
}

async function main() {
  const headless = process.argv.includes('--headless');
  const screenshot = arg('--screenshot');
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
    console.error('No display found. Run `npm run demo -- --headless --screenshot out.png` to get a picture instead.');
    process.exit(2);
  }
  const session = await launch({ headless, viewport: { width: 1280, height: 860 } });
  session.serve(DEMO_URL, readFileSync(join(ROOT, 'test/fixtures/linkedin/own-post.html'), 'utf8'));
  const page = await session.context.newPage();
  await page.goto(DEMO_URL);
  // The panel starts closed, as after an install: its tab counts the comments waiting; a click opens it.
  const tab = page.locator('social-desk-panel button.sd-tab');
  await expectWaitingCount(tab);
  console.log(`The panel's tab says: ${await tab.getAttribute('aria-label')}`);
  await tab.click();
  const panel = page.locator('social-desk-panel [data-testid="own-post"]');
  await panel.waitFor({ timeout: 20_000 });
  await page.locator('social-desk-panel [data-testid="comment"]').first().waitFor();
  console.log(`Extension ${session.extensionId} loaded; the panel shows the demo post at ${DEMO_URL}`);

  if (screenshot) {
    await page.waitForTimeout(500);
    const out = resolve(process.cwd(), screenshot);
    await page.screenshot({ path: out });
    const popupShot = arg('--popup-screenshot');
    if (popupShot) {
      const popup = await openExtensionPage(session, 'popup.html');
      await popup.setViewportSize({ width: 380, height: 520 });
      await popup.locator('[data-testid="metricCommentsReceived"]').waitFor();
      await popup.screenshot({ path: resolve(process.cwd(), popupShot) });
    }
    console.log(`Screenshot written to ${out}`);
  }
  if (headless) {
    await session.close();
    return;
  }
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
