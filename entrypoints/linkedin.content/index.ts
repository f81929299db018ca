import { startContent } from '@/lib/content/start';
import { matchPatterns } from '@/lib/platforms/hosts';
import { linkedinAdapter } from '@/lib/platforms/linkedin';
import { linkedinReply } from '@/lib/platforms/linkedin/insert';

export default defineContentScript({
  matches: matchPatterns('linkedin'),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, linkedinAdapter, linkedinReply),
});
