import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/paths';

const CLI_TIMEOUT = 60_000;

function entryFile(id: string, title: string, questions: string[], keywords: string[], answer: string, translated = false): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(title)}`,
    'questions:',
    ...questions.map((q) => `  - ${JSON.stringify(q)}`),
    `keywords: ${JSON.stringify(keywords)}`,
    'tags:',
    '  programme: [titp]',
    'sources:',
    '  - title: OTIT',
    '    url: https://www.otit.go.jp/',
    'lastReviewed: 2026-11-27',
    ...(translated ? ['translation:', '  revision: 3f9a1c2b7d4e', '  nativeReviewed: false'] : []),
    '---',
    answer,
    '',
  ].join('\n');
}

/** A tiny knowledge folder, so the CLI contract is tested independently of the real entries. */
function writeKnowledge(root: string): void {
  mkdirSync(join(root, 'en'), { recursive: true });
  mkdirSync(join(root, 'vi'));
  mkdirSync(join(root, 'synonyms'));
  writeFileSync(join(root, 'official-domains.yaml'), 'domains: [otit.go.jp]\n');
  writeFileSync(join(root, 'synonyms', 'en.yaml'), 'passport: [passport, pasport]\nfee: [fee, fees]\ngreeting: [hello]\nthanks: [ok, thanks]\nvague: [what should i do]\n');
  writeFileSync(join(root, 'synonyms', 'vi.yaml'), 'passport: [hộ chiếu]\n');
  const passport = ['Can my employer keep my passport?', ['Can the company keep my passport?', 'my boss took my residence card', 'who holds my passport'], ['passport', 'residence card'], 'No. Nobody may keep your passport.'] as const;
  writeFileSync(join(root, 'en', 'passport-retention.md'), entryFile('passport-retention', passport[0], [...passport[1]], [...passport[2]], passport[3]));
  writeFileSync(
    join(root, 'en', 'fees-and-debt.md'),
    entryFile('fees-and-debt', 'How much do people pay to go?', ['How much does it cost to go to Japan?', 'broker fee too high', 'should I borrow money'], ['fee', 'broker', 'debt'], 'Many people pay and borrow.'),
  );
  writeFileSync(
    join(root, 'vi', 'passport-retention.md'),
    entryFile('passport-retention', 'Công ty có được giữ hộ chiếu của tôi không?', ['công ty giữ hộ chiếu của em', 'sếp lấy thẻ ngoại kiều', 'ai giữ hộ chiếu'], ['hộ chiếu'], 'Không. Không ai được giữ hộ chiếu của bạn.', true),
  );
}

let knowledge: string;

function ask(args: string[], input?: string) {
  const run = spawnSync('npx', ['tsx', 'src/cli/ask.ts', '--knowledge', knowledge, ...args], { cwd: REPO_ROOT, input, encoding: 'utf8', timeout: CLI_TIMEOUT });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  knowledge = mkdtempSync(join(tmpdir(), 'ask-cli-'));
  writeKnowledge(knowledge);
});

afterAll(() => rmSync(knowledge, { recursive: true, force: true }));

describe('npm run ask', () => {
  it('--json prints one result object with exactly the contract fields', { timeout: CLI_TIMEOUT }, () => {
    const { code, stdout } = ask(['--json', '--locale', 'vi', 'công ty giữ hộ chiếu của em']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['locale', 'text', 'outcome', 'id', 'candidates', 'confidence', 'answerLocale']);
    expect(result).toMatchObject({ locale: 'vi', text: 'công ty giữ hộ chiếu của em', outcome: 'answer', id: 'passport-retention', answerLocale: 'vi' });
    expect(result.confidence).toBeGreaterThan(0);
  });

  it('reports answerLocale en when the entry is not translated, and null for none', { timeout: CLI_TIMEOUT }, () => {
    const lines = [
      { locale: 'vi', text: 'broker fee too high' },
      { locale: 'en', text: 'recipe for pho' },
    ];
    const { code, stdout } = ask(['--jsonl'], lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(code).toBe(0);
    const [fees, none] = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fees).toMatchObject({ outcome: 'answer', id: 'fees-and-debt', answerLocale: 'en' });
    expect(none).toMatchObject({ outcome: 'none', id: null, candidates: [], answerLocale: null });
  });

  it('--jsonl answers every line in order and reports a bad line without stopping', { timeout: CLI_TIMEOUT }, () => {
    const input = ['{"locale":"en","text":"can the company keep my passport"}', 'not json', '{"locale":"xx","text":"hello"}', '{"locale":"en"}', '{"locale":"en","text":"broker fee too high"}'].join('\n');
    const { code, stdout } = ask(['--jsonl'], `${input}\n`);
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ id: 'passport-retention' });
    expect(out[1]).toEqual({ error: expect.stringContaining('line 2') });
    expect(out[2]).toEqual({ error: expect.stringContaining('unknown locale "xx"') });
    expect(out[3]).toHaveProperty('error');
    expect(out[4]).toMatchObject({ id: 'fees-and-debt' });
  });

  it('--list-ids prints the ids present in a locale, one per line', { timeout: CLI_TIMEOUT }, () => {
    expect(ask(['--list-ids', '--locale', 'vi'])).toMatchObject({ code: 0, stdout: 'passport-retention\n' });
    expect(ask(['--list-ids', '--locale', 'en']).stdout.trim().split('\n').sort()).toEqual(['fees-and-debt', 'passport-retention']);
  });

  it('exits 2 with a message on an unknown locale or missing text', { timeout: CLI_TIMEOUT }, () => {
    const unknown = ask(['--json', '--locale', 'xx', 'hello']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown locale "xx"');
    const missing = ask(['--json', '--locale', 'vi']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing the question text');
    expect(missing.stdout).toBe('');
  });

  it('without --json prints the reply as the bot gives it', { timeout: CLI_TIMEOUT }, () => {
    const { code, stdout } = ask(['--locale', 'en', 'can the company keep my passport']);
    expect(code).toBe(0);
    expect(stdout).toContain('Can my employer keep my passport?');
    expect(stdout).toContain('Nobody may keep your passport.');
  });

  it('without --json replies to small talk as the bot does, with the UI strings of the locale', { timeout: CLI_TIMEOUT }, () => {
    expect(ask(['--locale', 'en', 'ok'])).toMatchObject({ code: 0, stdout: 'Glad to help. Ask me another question at any time, or type “menu”.\n' });
    const vague = ask(['--locale', 'en', 'what should i do?']).stdout;
    expect(vague).toContain('Please tell me a little more.');
    expect(vague).toContain('Sectors and jobs');
    expect(ask(['--json', '--locale', 'en', 'ok']).stdout).toContain('"outcome":"none"');
  });
});
