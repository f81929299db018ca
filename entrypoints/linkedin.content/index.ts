import { startContent } from '@/lib/content/start';
import { linkedinAdapter } from '@/lib/platforms/linkedin';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, linkedinAdapter),
});
