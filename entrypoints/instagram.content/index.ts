import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { instagramAdapter } from '@/lib/platforms/instagram';
import { instagramReply } from '@/lib/platforms/instagram/insert';

export default defineContentScript({
  matches: matchPatterns('instagram'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, instagramAdapter, instagramReply),
});
