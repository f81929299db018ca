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
}

export type Handlers = {
  [T in RequestType]: (message: Extract<Request, { type: T }>, sender: Sender) => Promise<ResponseData<T>>;
};

export interface RouterOptions {
  /** This extension's id: anything else is a foreign sender. */
  extensionId: string;
  /** `chrome-extension://<id>/` (or moz-extension://…): extension pages live here. */
  extensionOrigin: string;
}

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
      return { ok: true, data: await handler(message, sender) };
    } catch (error) {
      if (isQuotaError(error)) {
        return failure('STORAGE_FULL', 'The browser has no room left for this extension’s data. Nothing from this batch was saved.');
      }
      console.error('[social-desk] handler failed', message.type, error);
      return failure('INTERNAL', error instanceof Error ? error.message : String(error));
    }
  };
}
