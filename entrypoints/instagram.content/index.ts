import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { instagramAdapter } from '@/lib/platforms/instagram';
import { instagramReply } from '@/lib/platforms/instagram/insert';

export default defineContentScript({
  matches: matchPatterns('instagram'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, instagramAdapter, instagramReply),
});
