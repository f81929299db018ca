import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { xAdapter } from '@/lib/platforms/x';
import { xReply } from '@/lib/platforms/x/insert';

export default defineContentScript({
  matches: matchPatterns('x'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, xAdapter, xReply),
});
