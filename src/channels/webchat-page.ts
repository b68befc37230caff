import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { AppConfig } from '../config';
import { ENDONYMS, SUPPORTED_LOCALES, isLocale, isRtl } from '../i18n/locales';
import type { Translator } from '../i18n/translator';
import { jsonError, type HttpResponse, type Route } from '../http/http-types';
import { PUBLIC_DIR } from '../paths';
import { DIRECT_LINE_PATH } from './local-direct-line';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Web Chat's own string ids, filled from our `webchat.*` UI strings so every locale reads naturally. */
export const WEBCHAT_STRING_IDS: Readonly<Record<string, string>> = {
  placeholder: 'TEXT_INPUT_PLACEHOLDER',
  inputAlt: 'TEXT_INPUT_ALT',
  send: 'TEXT_INPUT_SEND_BUTTON_ALT',
  upload: 'TEXT_INPUT_UPLOAD_BUTTON_ALT',
  typing: 'TYPING_INDICATOR_ALT',
  connecting: 'CONNECTIVITY_STATUS_ALT_CONNECTING',
  reconnecting: 'CONNECTIVITY_STATUS_ALT_RECONNECTING',
  connected: 'CONNECTIVITY_STATUS_ALT_CONNECTED',
  failed: 'CONNECTIVITY_STATUS_ALT_FATAL',
  botSaid: 'ACTIVITY_BOT_SAID_ALT',
  userSaid: 'ACTIVITY_YOU_SAID_ALT',
  transcript: 'TRANSCRIPT_ARIA_LABEL_ALT',
  suggested: 'SUGGESTED_ACTIONS_LABEL_ALT',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

async function serveFile(path: string): Promise<HttpResponse> {
  try {
    const body = await readFile(path);
    return { status: 200, headers: { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...SECURITY_HEADERS }, body };
  } catch {
    return jsonError(404, 'NotFound', 'No such file.');
  }
}

/** What the page needs to know before it starts Web Chat. */
export interface WebChatPageOptions {
  readonly config: AppConfig;
  readonly translator: Translator;
  /** Whether the local Direct Line endpoint is mounted. */
  readonly localConnection: boolean;
  /** Exchanges a Direct Line secret for a token; injectable for tests. */
  readonly fetch?: typeof fetch;
}

/**
 * The local chat page and what it loads: the page itself, Microsoft's Web Chat bundle from node_modules (no CDN),
 * per-locale strings, and in production the token exchange that keeps the Direct Line secret on the server.
 */
export function webChatRoutes(options: WebChatPageOptions): Route[] {
  const { config, translator } = options;
  const webchatBundle = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  const doFetch = options.fetch ?? fetch;
  return [
    { method: 'GET', path: '/', handle: () => serveFile(join(PUBLIC_DIR, 'index.html')) },
    {
      method: 'GET',
      path: '/public/:file',
      handle: async (r) => (/^[a-z0-9][a-z0-9.-]*$/.test(r.params.file ?? '') ? serveFile(join(PUBLIC_DIR, r.params.file!)) : jsonError(404, 'NotFound', 'No such file.')),
    },
    { method: 'GET', path: '/vendor/webchat.js', handle: () => serveFile(webchatBundle) },
    {
      method: 'GET',
      path: '/api/webchat/config',
      handle: async () => ({
        status: 200,
        body: {
          mode: options.localConnection ? 'local' : config.DIRECTLINE_SECRET ? 'directline' : 'unavailable',
          directLine: options.localConnection ? DIRECT_LINE_PATH : undefined,
          defaultLocale: config.DEFAULT_LOCALE,
          locales: SUPPORTED_LOCALES.map((code) => ({ code, name: ENDONYMS[code], rtl: isRtl(code) })),
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/webchat/strings/:locale',
      handle: async (r) => {
        const locale = r.params.locale;
        if (!isLocale(locale)) return jsonError(404, 'UnknownLocale', `Unknown locale "${String(locale).slice(0, 20)}".`);
        const webchat = Object.fromEntries(Object.entries(WEBCHAT_STRING_IDS).map(([key, id]) => [id, translator.t(locale, `webchat.${key}`)]));
        return { status: 200, body: { locale, rtl: isRtl(locale), title: translator.t(locale, 'webchat.title'), languageLabel: translator.t(locale, 'webchat.languageLabel'), webchat } };
      },
    },
    {
      method: 'POST',
      path: '/api/directline/token',
      handle: async () => {
        if (!config.DIRECTLINE_SECRET) return jsonError(404, 'NotConfigured', 'Set DIRECTLINE_SECRET to issue Direct Line tokens.');
        const userId = `dl_${randomUUID()}`;
        try {
          const response = await doFetch(`${config.DIRECTLINE_ENDPOINT.replace(/\/$/, '')}/v3/directline/tokens/generate`, {
            method: 'POST',
            headers: { authorization: `Bearer ${config.DIRECTLINE_SECRET}`, 'content-type': 'application/json' },
            body: JSON.stringify({ user: { id: userId } }),
            signal: AbortSignal.timeout(10_000),
          });
          if (!response.ok) return jsonError(502, 'TokenServiceError', `The Direct Line token service answered ${response.status}.`);
          const data = (await response.json()) as { token?: string; conversationId?: string; expires_in?: number };
          if (!data.token) return jsonError(502, 'TokenServiceError', 'The Direct Line token service sent no token.');
          return { status: 200, headers: { 'cache-control': 'no-store' }, body: { token: data.token, conversationId: data.conversationId, expires_in: data.expires_in, userId } };
        } catch {
          return jsonError(502, 'TokenServiceError', 'The Direct Line token service could not be reached.');
        }
      },
    },
  ];
}
