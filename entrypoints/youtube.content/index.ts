import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { youtubeAdapter } from '@/lib/platforms/youtube';

export default defineContentScript({
  matches: matchPatterns('youtube'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, youtubeAdapter),
});
