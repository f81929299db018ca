import {
  expectedContext,
  requestSchema,
  type ErrorCode,
  type Request,
  type RequestType,
  type Response,
  type ResponseData,
} from './protocol';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** The frame of the tab that sent it (0: the top frame). */
  frameId?: number;
}

export type Handlers = {
  [T in RequestType]: (message: Extract<Request, { type: T }>, sender: Sender) => Promise<ResponseData<T>>;
};

export interface RouterOptions {
  /** This extension's id: anything else is a foreign sender. */
  extensionId: string;
  /** `chrome-extension://<id>/` (or moz-extension://…): extension pages live here. */
  extensionOrigin: string;
  /** Told when the browser refused a write for want of room, and when a write went through again (lib/background/storage-state.ts). */
  storage?: { full(): void; wrote(): void };
}

/**
 * Requests whose success means the database took a write (or was freed): after
 * a STORAGE_FULL, one of these going through ends the read-only state.
 * (CS_SEEN_POSTS usually writes nothing, so it proves nothing.)
 */
const WRITES: ReadonlySet<RequestType> = new Set<RequestType>([
  'CS_CAPTURE_PAGE',
  'CS_SET_COMMENT_STATUS',
  'UI_SET_COMMENT_STATUS',
  'UI_SAVE_INSPIRATION',
  'UI_RECORD_INTERACTION',
  'UI_IMPORT_BACKUP',
  'UI_CLEANUP_SNAPSHOTS',
  'UI_DELETE_ALL_DATA',
  'CS_RECORD_TEMPLATE_USE',
  'UI_SAVE_TEMPLATE',
  'UI_DELETE_TEMPLATE',
  'UI_RESTORE_STARTER_TEMPLATES',
  'CS_SAVE_POST',
  'CS_EDIT_SAVED',
  'CS_UNSAVE',
  'UI_LIBRARY_EDIT',
  'UI_LIBRARY_DELETE',
]);

export function failure(code: ErrorCode, message: string): Response<never> {
  return { ok: false, error: { code, message } };
}

function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === 'object' && e !== null); ) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    // Dexie wraps the DOMException as `inner`.
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/**
 * Builds the background's message handler: it rejects anything that does not
 * parse, comes from another extension or a web page, or comes from the wrong
 * kind of context, with a typed error — before any handler runs.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(raw: unknown, sender: Sender): Promise<Response<RequestType>> {
    if (sender.id !== options.extensionId) {
      return failure('FOREIGN_SENDER', 'Messages are accepted only from this extension.');
    }
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? issue.path.join('.') || '(root)' : '(root)';
      return failure('BAD_MESSAGE', `Invalid message at ${where}: ${issue ? issue.message : 'unknown problem'}`);
    }
    const message = parsed.data;
    const fromContent = sender.tab !== undefined && !(sender.url ?? '').startsWith(options.extensionOrigin);
    const context = expectedContext(message.type);
    if ((context === 'content') !== fromContent) {
      return failure('WRONG_CONTEXT', `${message.type} is not accepted from this context.`);
    }
    try {
      const handler = handlers[message.type] as (m: Request, s: Sender) => Promise<ResponseData<RequestType>>;
      const data = await handler(message, sender);
      // A refused import or template ({ ok: false, … }) wrote nothing.
      const refused = typeof data === 'object' && data !== null && 'ok' in data && data.ok === false;
      if (WRITES.has(message.type) && !refused) options.storage?.wrote();
      return { ok: true, data };
    } catch (error) {
      if (isQuotaError(error)) {
        options.storage?.full();
        return failure('STORAGE_FULL', 'The browser has no room left for this extension’s data. Nothing from this batch was saved.');
      }
      console.error('[social-desk] handler failed', message.type, error);
      return failure('INTERNAL', error instanceof Error ? error.message : String(error));
    }
  };
}
