import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { linkedinAdapter } from '@/lib/platforms/linkedin';
import { linkedinReply } from '@/lib/platforms/linkedin/insert';

export default defineContentScript({
  matches: matchPatterns('linkedin'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, linkedinAdapter, linkedinReply),
});
