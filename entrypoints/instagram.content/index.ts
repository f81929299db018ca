import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { instagramAdapter } from '@/lib/platforms/instagram';

export default defineContentScript({
  matches: matchPatterns('instagram'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, instagramAdapter),
});
