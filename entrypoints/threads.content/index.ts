import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { threadsAdapter } from '@/lib/platforms/threads';
import { threadsReply } from '@/lib/platforms/threads/insert';

export default defineContentScript({
  matches: matchPatterns('threads'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, threadsAdapter, threadsReply),
});
