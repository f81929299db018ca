import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { facebookAdapter } from '@/lib/platforms/facebook';
import { facebookReply } from '@/lib/platforms/facebook/insert';

export default defineContentScript({
  matches: matchPatterns('facebook'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, facebookAdapter, facebookReply),
});
