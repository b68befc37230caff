import type { Response as BotResponse } from 'botbuilder';
import type { HttpResponse } from './http-types';

/**
 * Collects what the Bot Framework adapter writes (status, headers, body) into a framework-neutral
 * {@link HttpResponse}, so routes stay free of restify and the adapter never touches the server's response.
 */
export class ResponseCollector implements BotResponse {
  socket: unknown = undefined;
  private code = 200;
  private payload: unknown;
  private readonly headerValues: Record<string, string> = {};
  status(code: number) {
    this.code = code;
    return this;
  }
  header(name: string, value: unknown) {
    this.headerValues[name] = String(value);
    return this;
  }
  send(body?: unknown) {
    if (body !== undefined) this.payload = body;
    return this;
  }
  end() {
    return this;
  }
  toHttp(): HttpResponse {
    return { status: this.code, headers: this.headerValues, body: this.payload };
  }
}
