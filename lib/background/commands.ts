import type { BgToContent } from '../messaging/protocol';

/** The keyboard commands of the manifest (wxt.config.ts) and what each asks of the active tab's content script. */
export const COMMAND_MESSAGES: Record<string, BgToContent> = {
  'toggle-panel': { type: 'BG_TOGGLE_PANEL' },
  'open-reply-picker': { type: 'BG_OPEN_REPLY_PICKER' },
};

export function commandMessage(command: string): BgToContent | null {
  return Object.hasOwn(COMMAND_MESSAGES, command) ? (COMMAND_MESSAGES[command] as BgToContent) : null;
}
