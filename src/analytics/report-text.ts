import { percent, type AnalyticsReport } from './report-data';

function day(d: Date | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '–';
}

/** Left-aligned first column, right-aligned numbers. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The plain-text report `npm run report` prints. */
export function renderTextReport(report: AnalyticsReport): string {
  const out: string[] = [];
  out.push(`Analytics report — ${report.source}`);
  out.push(`${report.events} events, ${day(report.firstEventAt)} to ${day(report.lastEventAt)} (UTC); generated ${report.generatedAt.toISOString()}`);
  out.push('');

  out.push('Per locale');
  if (report.locales.length === 0) out.push('  (no events yet)');
  else
    out.push(
      ...table(
        ['Locale', 'Conversations', 'Questions', 'Answered', 'Clarified', 'Unanswered', 'Answer rate', 'Clarify rate'],
        report.locales.map((l) => [
          l.locale,
          String(l.conversations),
          String(l.questions),
          String(l.answered),
          String(l.clarified),
          String(l.unanswered),
          percent(l.answerRate, l.questions),
          percent(l.clarifyRate, l.questions),
        ]),
      ),
    );

  for (const l of report.locales) {
    if (l.unanswered === 0) continue;
    out.push('');
    out.push(`Top unanswered questions — ${l.locale}`);
    const width = Math.max(5, ...l.topUnanswered.map((q) => String(q.count).length));
    for (const q of l.topUnanswered) out.push(`${String(q.count).padStart(width)}  ${q.text.replace(/\s+/gu, ' ')}`);
    if (l.unansweredTextExpired > 0) {
      out.push(`${''.padStart(width)}  (+${l.unansweredTextExpired} whose text was deleted after the retention period)`);
    }
  }

  out.push('');
  out.push('Feedback per entry (👍 helpful / 👎 not helpful)');
  const rated = report.entries.filter((e) => e.helpful + e.notHelpful > 0);
  if (rated.length === 0) out.push('  (no feedback yet)');
  else
    out.push(
      ...table(
        ['Entry', 'Answered', '👍', '👎'],
        rated.map((e) => [e.entryId, String(e.answered), String(e.helpful), String(e.notHelpful)]),
      ),
    );
  return `${out.join('\n')}\n`;
}
