import { describe, expect, it } from 'vitest';
import { KnowledgeLoadError } from '../../src/errors';
import { compileTransliteration } from '../../src/search/transliteration';

describe('compileTransliteration', () => {
  const table = { letters: { а: 'a', е: 'e', ш: 'sh' }, wordInitial: { е: 'ye' } };

  it('maps letters, with word-initial spellings at the start of a word only', () => {
    const toLatin = compileTransliteration(table, 'test.yaml');
    expect(toLatin('ешаеш е')).toBe('yeshaesh ye');
  });

  it('leaves characters the table does not list alone', () => {
    expect(compileTransliteration(table, 'test.yaml')('щ 1 a')).toBe('щ 1 a');
  });

  it.each([
    [{ letters: { ab: 'x' } }, 'letters'],
    [{ letters: { А: 'a' } }, 'lower case'],
    [{ letters: { а: 'a' }, wordInitial: { е: 'ye' } }, 'wordInitial'],
    [{ letters: { а: 'a' }, extra: true }, 'extra'],
  ])('rejects an invalid table (%j) naming the problem', (raw, problem) => {
    expect(() => compileTransliteration(raw, 'uz-cyrillic.yaml')).toThrow(KnowledgeLoadError);
    expect(() => compileTransliteration(raw, 'uz-cyrillic.yaml')).toThrow(problem);
  });
});
