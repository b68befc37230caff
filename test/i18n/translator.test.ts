import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocaleLoadError } from '../../src/errors';
import { createTranslator } from '../../src/i18n/translator';
import { LOCALES_DIR } from '../../src/paths';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  copyFileSync(join(LOCALES_DIR, 'en.json'), join(dir, 'en.json'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('createTranslator', () => {
  it('stops start-up naming a missing locale file', () => {
    const dir = dirWith({});
    expect(() => createTranslator(dir, ['en', 'vi'])).toThrowError(LocaleLoadError);
    expect(() => createTranslator(dir, ['en', 'vi'])).toThrowError(/vi\.json.*\n.*missing/);
  });

  it('stops start-up naming a corrupt locale file', () => {
    const dir = dirWith({ 'th.json': '{ "welcome": ' });
    expect(() => createTranslator(dir, ['en', 'th'])).toThrowError(/th\.json[\s\S]*not valid JSON/);
  });

  it('rejects a file whose values are not strings', () => {
    const dir = dirWith({ 'ur.json': '{ "welcome": { "intro": 5 } }' });
    expect(() => createTranslator(dir, ['en', 'ur'])).toThrowError(/ur\.json[\s\S]*welcome\.intro/);
  });

  it('fills placeholders and falls back to English for a key the locale lacks', () => {
    const dir = dirWith({ 'vi.json': JSON.stringify({ language: { changed: 'Đã đổi sang {{language}}.' } }) });
    const t = createTranslator(dir, ['en', 'vi']);
    expect(t.t('vi', 'language.changed', { language: 'Tiếng Việt' })).toBe('Đã đổi sang Tiếng Việt.');
    expect(t.t('vi', 'menu.prompt')).toBe('What would you like to do?');
    expect(t.list('en', 'commands.menu')).toContain('menu');
  });

  it('isolates Latin text inside right-to-left text only for Urdu', () => {
    const t = createTranslator(dirWith({}), ['en']);
    expect(t.isolate('ur', '2027')).toBe('\u20682027\u2069');
    expect(t.isolate('vi', '2027')).toBe('2027');
  });
});
