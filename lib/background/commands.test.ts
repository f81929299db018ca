import { describe, expect, it } from 'vitest';
import { bgToContentSchema } from '../messaging/protocol';
import { commandMessage, COMMAND_MESSAGES } from './commands';

describe('commandMessage', () => {
  it('relays each manifest command as a message the content script accepts', () => {
    expect(commandMessage('toggle-panel')).toEqual({ type: 'BG_TOGGLE_PANEL' });
    expect(commandMessage('open-reply-picker')).toEqual({ type: 'BG_OPEN_REPLY_PICKER' });
    for (const message of Object.values(COMMAND_MESSAGES)) expect(bgToContentSchema.safeParse(message).success).toBe(true);
  });

  it('ignores commands it does not know, including inherited names', () => {
    expect(commandMessage('_execute_action')).toBeNull();
    expect(commandMessage('toString')).toBeNull();
  });
});
