/**
 * A framework-neutral HTTP surface. The app declares its routes with these types and `src/index.ts`, the only file
 * that knows restify, serves them; tests call the handlers directly.
 */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or undefined. */
  readonly body: unknown;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  readonly body?: unknown;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** restify-style path, e.g. `/v3/conversations/:id/activities`. */
  readonly path: string;
  handle(request: HttpRequest): Promise<HttpResponse>;
}

/** A JSON error body that tells the caller what to fix. */
export function jsonError(status: number, code: string, message: string): HttpResponse {
  return { status, body: { error: { code, message } } };
}
