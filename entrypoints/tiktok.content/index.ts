import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { tiktokAdapter } from '@/lib/platforms/tiktok';
import { tiktokReply } from '@/lib/platforms/tiktok/insert';

export default defineContentScript({
  matches: matchPatterns('tiktok'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, tiktokAdapter, tiktokReply),
});
