import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { youtubeAdapter } from '@/lib/platforms/youtube';
import { youtubeReply } from '@/lib/platforms/youtube/insert';

export default defineContentScript({
  matches: matchPatterns('youtube'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  // WXT's older "script started" window.postMessage reaches the page's own message listeners; its custom event is enough.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, youtubeAdapter, youtubeReply),
});
