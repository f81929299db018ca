import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { threadsAdapter } from '@/lib/platforms/threads';
import { threadsReply } from '@/lib/platforms/threads/insert';

export default defineContentScript({
  matches: matchPatterns('threads'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, threadsAdapter, threadsReply),
});
