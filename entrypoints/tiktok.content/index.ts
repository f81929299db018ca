import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { tiktokAdapter } from '@/lib/platforms/tiktok';
import { tiktokReply } from '@/lib/platforms/tiktok/insert';

export default defineContentScript({
  matches: matchPatterns('tiktok'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, tiktokAdapter, tiktokReply),
});
