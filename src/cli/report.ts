/**
 * `npm run report [-- --db <file>] [-- --html <out.html>]`
 *
 * Prints per-locale answer and clarify rates, the top unanswered questions and 👍/👎 per entry from the analytics
 * SQLite file (ANALYTICS_PATH, or --db). With --html it also writes a self-contained HTML report with SVG charts.
 * The database is opened read-only, so it can run next to a live bot.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { AnalyticsReportError, buildReport, openAnalyticsDatabase, TOP_UNANSWERED } from '../analytics/report-data';
import { renderHtmlReport } from '../analytics/report-html';
import { renderTextReport } from '../analytics/report-text';
import { environment } from './env-file';

const USAGE = `Usage: npm run report -- [--db <analytics.sqlite>] [--html <report.html>] [--top <n>]

  --db <file>     analytics database to read (default: ANALYTICS_PATH, ./data/analytics.sqlite)
  --html <file>   also write a self-contained HTML report with charts
  --top <n>       unanswered questions to list per locale (default ${TOP_UNANSWERED})
  --help          show this help`;

export interface ReportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The configured ANALYTICS_PATH; only asked for when --db is not given. May throw a ConfigError. */
  readonly analyticsPath: () => string;
  readonly now?: () => Date;
}

/** Runs the report; returns the process exit code (0 ok, 1 no/invalid database or write failure, 2 bad usage). */
export function runReport(argv: readonly string[], io: ReportIo): number {
  let values: { db?: string | undefined; html?: string | undefined; top?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { db: { type: 'string' }, html: { type: 'string' }, top: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const top = values.top === undefined ? TOP_UNANSWERED : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 1000) {
    io.err(`--top must be a whole number from 1 to 1000 (got "${values.top}")\n`);
    return 2;
  }
  if (values.html === '') {
    io.err('--html needs a file name\n');
    return 2;
  }

  let path: string;
  try {
    path = values.db ?? io.analyticsPath();
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }

  try {
    const db = openAnalyticsDatabase(path);
    let report;
    try {
      report = buildReport(db, { source: path, top, ...(io.now ? { now: io.now() } : {}) });
    } finally {
      db.close();
    }
    io.out(renderTextReport(report));
    if (values.html) {
      const target = resolve(values.html);
      writeFileSync(target, renderHtmlReport(report), 'utf8');
      io.out(`HTML report written to ${target}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof AnalyticsReportError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    io.err(`Report failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runReport(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    analyticsPath: () => loadConfig(environment()).ANALYTICS_PATH,
  });
}
