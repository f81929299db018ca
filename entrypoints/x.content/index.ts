import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { xAdapter } from '@/lib/platforms/x';
import { xReply } from '@/lib/platforms/x/insert';

export default defineContentScript({
  matches: matchPatterns('x'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, xAdapter, xReply),
});
