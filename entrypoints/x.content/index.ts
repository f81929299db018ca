import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { xAdapter } from '@/lib/platforms/x';

export default defineContentScript({
  matches: matchPatterns('x'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, xAdapter),
});
