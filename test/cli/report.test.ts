import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Analytics, type EventOrigin } from '../../src/analytics/analytics';
import { SqliteTelemetryClient } from '../../src/analytics/sqlite-telemetry-client';
import { runReport } from '../../src/cli/report';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const SALT = 'report-test-salt-0123456789';
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

let dir: string;
let db: string;

function at(locale: string, conversation: string): EventOrigin {
  return { userId: `user-${conversation}`, conversationId: conversation, locale, channelId: 'webchat' };
}

/**
 * The events whose figures the report must show:
 *   en: 2 conversations, 7 questions (3 answer, 1 clarify, 3 none) → 42.9% answered, 14.3% clarified
 *   vi: 1 conversation, 2 questions (1 answer, 1 none), 1 "none of these" → 50.0%, 0.0%
 *   ja: 1 conversation, 24 unanswered questions: 22 distinct, one asked 3 times → top list capped at 20
 *   feedback: visa 2👍 1👎, pay 0👍 2👎, tax 1👍 (never answered)
 */
function recordEvents(path: string): void {
  let clock = T0;
  const client = new SqliteTelemetryClient({ path, retentionDays: 90, now: () => (clock += 60_000) });
  const a = new Analytics(client, SALT);
  const c1 = at('en', 'conv-1');
  const c2 = at('en', 'conv-2');
  const c3 = at('vi', 'conv-3');
  const c4 = at('ja', 'conv-4');
  a.outcome(c1, 'answer', 'visa', 0.9, ['visa'], 'visa question');
  a.outcome(c1, 'answer', 'pay', 0.8, ['pay'], 'pay question');
  a.outcome(c1, 'none', null, 0.1, [], 'How much is the agency fee?');
  a.outcome(c2, 'answer', 'visa', 0.95, ['visa'], 'visa again');
  a.outcome(c2, 'clarify', null, 0.5, ['transfer', 'change-employer'], 'transfer');
  a.outcome(c2, 'none', null, 0.05, [], 'how much is the  AGENCY fee?');
  a.outcome(c2, 'none', null, 0.05, [], '<script>alert(1)</script> & more');
  a.outcome(c3, 'none', null, 0.2, [], 'Làm sao đổi công ty?');
  a.outcome(c3, 'answer', 'visa', 0.7, ['visa'], 'visa vi');
  a.noneOfThese(c3);
  for (let i = 0; i < 22; i++) a.outcome(c4, 'none', null, 0.1, [], `質問 ${String(i).padStart(2, '0')}`);
  a.outcome(c4, 'none', null, 0.1, [], '質問 21');
  a.outcome(c4, 'none', null, 0.1, [], '質問 21');
  a.feedback(c1, 'visa', true);
  a.feedback(c3, 'visa', true);
  a.feedback(c2, 'visa', false);
  a.feedback(c1, 'pay', false);
  a.feedback(c2, 'pay', false);
  a.feedback(c1, 'tax', true);
  client.close();
}

function capture(argv: string[], analyticsPath: () => string = () => db) {
  let out = '';
  let err = '';
  const code = runReport(argv, { out: (t) => (out += t), err: (t) => (err += t), analyticsPath, now: () => new Date(T0 + 86_400_000) });
  return { code, out, err };
}

/** Cells of the text table row that starts with `first`. */
function rowOf(text: string, first: string): string[] {
  const line = text.split('\n').find((l) => l.split(/\s+/)[0] === first);
  if (!line) throw new Error(`no row ${first} in:\n${text}`);
  return line.trim().split(/\s+/);
}

function attrs(html: string, tag: string, required: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))) {
    const a: Record<string, string> = {};
    for (const kv of m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)) a[kv[1]!] = kv[2]!;
    if (required in a) found.push(a);
  }
  return found;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-'));
  db = join(dir, 'analytics.sqlite');
  recordEvents(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run report (text)', () => {
  it('prints conversations, questions, answer and clarify rates per locale', () => {
    const { code, out, err } = capture(['--db', db]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(rowOf(out, 'en')).toEqual(['en', '2', '7', '3', '1', '3', '42.9%', '14.3%']);
    expect(rowOf(out, 'vi')).toEqual(['vi', '1', '2', '1', '0', '1', '50.0%', '0.0%']);
    expect(rowOf(out, 'ja')).toEqual(['ja', '1', '24', '0', '0', '24', '0.0%', '0.0%']);
    // Most questions first.
    const order = ['ja', 'en', 'vi'].map((l) => out.indexOf(`\n${l} `));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(out).toContain("40 events");
  });

  it('lists the top unanswered questions per locale by count, merging case and spacing, at most 20', () => {
    const { out } = capture(['--db', db]);
    const en = out.split('Top unanswered questions — en\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(en.map((l) => l.trim())).toEqual(['2  How much is the agency fee?', '1  <script>alert(1)</script> & more']);
    const ja = out.split('Top unanswered questions — ja\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(ja).toHaveLength(20);
    expect(ja[0]!.trim()).toBe('3  質問 21');
    expect(ja[1]!.trim()).toBe('1  質問 00');
    expect(ja[19]!.trim()).toBe('1  質問 18');
    expect(out).toContain('Top unanswered questions — vi\n    1  Làm sao đổi công ty?');
  });

  it('prints 👍/👎 per entry', () => {
    const { out } = capture(['--db', db]);
    expect(out).toMatch(/Entry\s+Answered\s+👍\s+👎/);
    expect(rowOf(out, 'visa')).toEqual(['visa', '3', '2', '1']);
    expect(rowOf(out, 'pay')).toEqual(['pay', '1', '0', '2']);
    expect(rowOf(out, 'tax')).toEqual(['tax', '0', '1', '0']);
  });

  it('reads ANALYTICS_PATH from config when --db is not given, and only then', () => {
    const fromConfig = vi.fn(() => db);
    expect(capture([], fromConfig).code).toBe(0);
    expect(fromConfig).toHaveBeenCalledTimes(1);
    const unused = vi.fn(() => '/nowhere');
    expect(capture(['--db', db], unused).code).toBe(0);
    expect(unused).not.toHaveBeenCalled();
  });

  it('explains a missing database and bad arguments', () => {
    const missing = capture(['--db', join(dir, 'nope.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No analytics database at .*nope\.sqlite/);
    expect(existsSync(join(dir, 'nope.sqlite'))).toBe(false);
    expect(capture(['--bogus']).code).toBe(2);
    expect(capture(['--top', 'x']).code).toBe(2);
  });
});

describe('npm run report -- --html', () => {
  let html: string;
  beforeAll(() => {
    const target = join(dir, 'out.html');
    const { code, out } = capture(['--db', db, '--html', target]);
    expect(code).toBe(0);
    expect(out).toContain(`HTML report written to ${target}`);
    html = readFileSync(target, 'utf8');
  });

  it('is self-contained: no scripts, external files, fonts or URLs', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc=|\bhref=|@import|@font-face|url\(|<link|https?:/i);
    expect(html).toContain('<svg');
  });

  it('draws outcomes per locale as stacked bars with the recorded counts', () => {
    const segments = attrs(html, 'rect', 'data-outcome');
    const count = (locale: string, outcome: string) => segments.find((s) => s['data-locale'] === locale && s['data-outcome'] === outcome)?.['data-count'];
    expect([count('en', 'answer'), count('en', 'clarify'), count('en', 'none')]).toEqual(['3', '1', '3']);
    expect([count('vi', 'answer'), count('vi', 'clarify'), count('vi', 'none')]).toEqual(['1', '0', '1']);
    expect(count('ja', 'none')).toBe('24');
    // Bars are stacked (each starts where the previous ends) and scaled to the busiest locale.
    const en = segments.filter((s) => s['data-locale'] === 'en');
    expect(Number(en[1]!.x)).toBeCloseTo(Number(en[0]!.x) + Number(en[0]!.width), 1);
    const enTotal = en.reduce((sum, s) => sum + Number(s.width), 0);
    const jaTotal = segments.filter((s) => s['data-locale'] === 'ja').reduce((sum, s) => sum + Number(s.width), 0);
    expect(enTotal / jaTotal).toBeCloseTo(7 / 24, 2);
  });

  it('shows the same per-locale table figures as the text report', () => {
    const cell = (locale: string, field: string) =>
      new RegExp(`<tr data-locale="${locale}">.*?<td data-field="${field}">([^<]*)</td>`).exec(html)?.[1];
    expect(['conversations', 'questions', 'answered', 'clarified', 'unanswered', 'answerRate', 'clarifyRate'].map((f) => cell('en', f))).toEqual([
      '2', '7', '3', '1', '3', '42.9%', '14.3%',
    ]);
    expect(cell('vi', 'noneOfThese')).toBe('1');
  });

  it('charts the most and least helpful entries', () => {
    const section = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</svg>', html.indexOf(`id="${id}"`)));
    const most = attrs(section('most-helpful-chart'), 'g', 'data-entry');
    const least = attrs(section('least-helpful-chart'), 'g', 'data-entry');
    expect(most.map((g) => [g['data-entry'], g['data-helpful'], g['data-not-helpful']])).toEqual([
      ['visa', '2', '1'],
      ['tax', '1', '0'],
    ]);
    expect(least.map((g) => [g['data-entry'], g['data-helpful'], g['data-not-helpful']])).toEqual([
      ['pay', '0', '2'],
      ['visa', '2', '1'],
    ]);
  });

  it('lists unanswered questions escaped, in their language', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toMatch(/<li data-count="2">.*lang="en".*>How much is the agency fee\?<\/span>/);
    expect(html).toContain('lang="vi" dir="auto">Làm sao đổi công ty?');
    const ja = html.slice(html.indexOf('<section class="unanswered" data-locale="ja">'));
    expect(ja.slice(0, ja.indexOf('</section>')).match(/<li /g)).toHaveLength(20);
  });
});

describe('report CLI entry point', () => {
  it('runs under tsx with ANALYTICS_PATH from the environment and writes the HTML file', async () => {
    const target = join(dir, 'cli.html');
    const env = { PATH: process.env.PATH ?? '', ANALYTICS_PATH: db };
    const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/report.ts', '--html', target], { cwd: ROOT, env });
    expect(rowOf(stdout, 'en')).toEqual(['en', '2', '7', '3', '1', '3', '42.9%', '14.3%']);
    expect(readFileSync(target, 'utf8')).toContain('data-outcome="answer" data-count="3"');
  }, 60_000);

  it('exits 1 with a clear message when there is no database', async () => {
    const env = { PATH: process.env.PATH ?? '', ANALYTICS_PATH: join(dir, 'missing.sqlite') };
    const err = await run(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/report.ts'], { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/No analytics database at .*missing\.sqlite/);
  }, 60_000);
});
