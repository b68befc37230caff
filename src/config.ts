import { z } from 'zod/v4';
import { ConfigError } from './errors';
import { SUPPORTED_LOCALES } from './i18n/locales';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be a whole number from ${min} to ${max}`)
      .max(max, `must be a whole number from ${min} to ${max}`)
      .default(fallback),
  );

const envSchema = z.object({
  PORT: int(3978, 0, 65535),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'must be MultiTenant, SingleTenant or UserAssignedMSI' }).optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }).default('info'),
  ),
  DEFAULT_LOCALE: z.preprocess(
    emptyToUndefined,
    z.enum(SUPPORTED_LOCALES, { message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` }).default('en'),
  ),
  STORAGE: z.preprocess(
    emptyToUndefined,
    z.enum(['memory', 'sqlite', 'blob'], { message: 'must be memory, sqlite or blob' }).default('sqlite'),
  ),
  SQLITE_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/bot.sqlite')),
  BLOB_CONNECTION_STRING: optionalString,
  BLOB_CONTAINER: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/, 'must be a valid blob container name').default('bot-state')),
  LOCAL_WEBCHAT: z.preprocess(
    emptyToUndefined,
    z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' }).optional().transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  ),
  DIRECTLINE_SECRET: optionalString,
  DIRECTLINE_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ message: 'must be an http(s) URL' }).default('https://directline.botframework.com')),
  HASH_SALT: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  RATE_LIMIT_PER_MINUTE: int(30, 1, 10000),
  MAX_MESSAGE_CHARS: int(2000, 100, 20000),
  RETENTION_DAYS: int(90, 1, 3650),
  ANALYTICS_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/analytics.sqlite')),
  /** Where the validated knowledge base is saved; `off` (undefined after parsing) means validate it at every start. */
  KNOWLEDGE_CACHE: z
    .preprocess(emptyToUndefined, z.string().default('./data/knowledge.bin'))
    .transform((path) => (path === 'off' ? undefined : path)),
  /** Where the built search index is saved; `off` (undefined after parsing) means build it at every start. */
  SEARCH_INDEX_CACHE: z
    .preprocess(emptyToUndefined, z.string().default('./data/search-index.bin'))
    .transform((path) => (path === 'off' ? undefined : path)),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString,
  SHUTDOWN_TIMEOUT_MS: int(10000, 100, 60000),
});

type Env = z.infer<typeof envSchema>;

/** The validated configuration every other module receives; nothing else reads `process.env`. */
export interface AppConfig extends Omit<Env, 'LOCAL_WEBCHAT' | 'HASH_SALT'> {
  /** True when no app id is set: the Emulator and the local Web Chat page work without auth. */
  readonly localMode: boolean;
  /** Whether the no-auth local Direct Line connection for the Web Chat page is served. */
  readonly LOCAL_WEBCHAT: boolean;
  /** Salt for hashing ids in logs and analytics. */
  readonly HASH_SALT: string;
}

const LOCAL_SALT = 'local-development-salt-change-me';

/**
 * Parses the environment once and fails fast with one line naming the bad variable and what it allows.
 * Throws {@link ConfigError}; `src/index.ts` prints its message and exits.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'environment');
    const got = env[key];
    const shown = key.toLowerCase().includes('password') || key.toLowerCase().includes('secret') || key.includes('CONNECTION') ? '' : ` (got "${got ?? ''}")`;
    throw new ConfigError(key, `${issue.message}${shown}`);
  }
  const data = parsed.data;
  const localMode = !data.MicrosoftAppId;
  if (!localMode && !data.MicrosoftAppPassword && data.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('MicrosoftAppPassword', 'must be set when MicrosoftAppId is set (or set MicrosoftAppType=UserAssignedMSI)');
  }
  if (data.MicrosoftAppType === 'SingleTenant' && !data.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId', 'must be set when MicrosoftAppType is SingleTenant');
  }
  if (data.STORAGE === 'blob' && !data.BLOB_CONNECTION_STRING) {
    throw new ConfigError('BLOB_CONNECTION_STRING', 'must be set when STORAGE is blob');
  }
  if (!localMode && !data.HASH_SALT) {
    throw new ConfigError('HASH_SALT', 'must be set (at least 16 characters) when MicrosoftAppId is set');
  }
  return {
    ...data,
    localMode,
    LOCAL_WEBCHAT: data.LOCAL_WEBCHAT ?? localMode,
    HASH_SALT: data.HASH_SALT ?? LOCAL_SALT,
  };
}
