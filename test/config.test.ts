import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives local-mode defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, DEFAULT_LOCALE: 'en', LOG_LEVEL: 'info', localMode: true, LOCAL_WEBCHAT: true });
  });

  it('saves the validated knowledge base under data/ unless KNOWLEDGE_CACHE is off', () => {
    expect(loadConfig({}).KNOWLEDGE_CACHE).toBe('./data/knowledge.bin');
    expect(loadConfig({ KNOWLEDGE_CACHE: '/var/cache/titp/knowledge.bin' }).KNOWLEDGE_CACHE).toBe('/var/cache/titp/knowledge.bin');
    expect(loadConfig({ KNOWLEDGE_CACHE: 'off' }).KNOWLEDGE_CACHE).toBeUndefined();
  });

  it('saves the search index under data/ unless SEARCH_INDEX_CACHE is off', () => {
    expect(loadConfig({}).SEARCH_INDEX_CACHE).toBe('./data/search-index.bin');
    expect(loadConfig({ SEARCH_INDEX_CACHE: '/var/cache/titp/index.bin' }).SEARCH_INDEX_CACHE).toBe('/var/cache/titp/index.bin');
    expect(loadConfig({ SEARCH_INDEX_CACHE: 'off' }).SEARCH_INDEX_CACHE).toBeUndefined();
  });

  it('treats empty strings as unset, as .env files write them', () => {
    const config = loadConfig({ PORT: '', MicrosoftAppId: '', MicrosoftAppPassword: '' });
    expect(config.PORT).toBe(3978);
    expect(config.localMode).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'whole number'],
    [{ PORT: '70000' }, 'PORT', '0 to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'fatal, error, warn'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE', 'en, ja, zh'],
    [{ STORAGE: 'redis' }, 'STORAGE', 'memory'],
    [{ MicrosoftAppType: 'Tenant' }, 'MicrosoftAppType', 'MultiTenant'],
    [{ MicrosoftAppId: 'abc', HASH_SALT: 'a-very-long-secret-salt' }, 'MicrosoftAppPassword', 'must be set'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant', HASH_SALT: 'a-very-long-secret-salt' }, 'MicrosoftAppTenantId', 'SingleTenant'],
    [{ STORAGE: 'blob' }, 'BLOB_CONNECTION_STRING', 'must be set'],
  ])('rejects %o naming %s', (env, key, hint) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.key).toBe(key);
    expect(error.message).toContain(key);
    expect(error.message).toContain(hint);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('never echoes a secret in the error line', () => {
    const error = errorOf({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'hunter2', HASH_SALT: 'short' });
    expect(error.key).toBe('HASH_SALT');
    expect(error.message).not.toContain('hunter2');
  });

  it('leaves local mode when an app id is configured and keeps the local Web Chat connection off', () => {
    const config = loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'secret', HASH_SALT: 'a-very-long-secret-salt' });
    expect(config.localMode).toBe(false);
    expect(config.LOCAL_WEBCHAT).toBe(false);
  });
});
