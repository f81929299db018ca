import { contentResponseSchemaFor, type ContentRequestType } from './content-schemas';
import { checkedSender } from './send';

/**
 * The content scripts' way to the background: only their own requests (CS_*),
 * checked with the zod/mini schemas of content-schemas.ts, so the script every
 * page loads does not carry the whole protocol (client.ts, for extension pages).
 */
export const sendContentRequest = checkedSender<ContentRequestType>(contentResponseSchemaFor);
export type SendContentRequest = typeof sendContentRequest;
