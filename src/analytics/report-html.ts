import { ENDONYMS, isLocale } from '../i18n/locales';
import { leastHelpful, mostHelpful, percent, type AnalyticsReport, type EntryFeedback, type LocaleSummary } from './report-data';

/** Escapes text for HTML element content and quoted attribute values (user questions are untrusted). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COLORS = { answer: '#2e7d32', clarify: '#f2a900', none: '#c62828', helpful: '#2e7d32', notHelpful: '#c62828' } as const;

const OUTCOMES = [
  { key: 'answer', label: 'Answered', count: (l: LocaleSummary) => l.answered },
  { key: 'clarify', label: 'Clarified', count: (l: LocaleSummary) => l.clarified },
  { key: 'none', label: 'Unanswered', count: (l: LocaleSummary) => l.unanswered },
] as const;

function localeLabel(locale: string): string {
  return isLocale(locale) ? `${locale} · ${ENDONYMS[locale]}` : locale;
}

function day(d: Date | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '–';
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Outcomes per locale as horizontal stacked bars, scaled to the locale with the most questions. */
function outcomesChart(locales: readonly LocaleSummary[]): string {
  if (locales.length === 0) return '<p class="empty">No questions recorded yet.</p>';
  const labelW = 170;
  const barW = 460;
  const rowH = 28;
  const top = 34;
  const width = labelW + barW + 70;
  const height = top + rowH * locales.length + 8;
  const max = Math.max(1, ...locales.map((l) => l.questions));
  const legend = OUTCOMES.map(
    (o, i) =>
      `<rect x="${labelW + i * 130}" y="6" width="14" height="14" fill="${COLORS[o.key]}"/>` +
      `<text x="${labelW + i * 130 + 20}" y="18">${o.label}</text>`,
  ).join('');
  const rows = locales
    .map((l, i) => {
      const y = top + i * rowH;
      let x = labelW;
      const segments = OUTCOMES.map((o) => {
        const count = o.count(l);
        const w = (count / max) * barW;
        const rect =
          `<rect class="seg" x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${rowH - 8}" fill="${COLORS[o.key]}" ` +
          `data-locale="${escapeHtml(l.locale)}" data-outcome="${o.key}" data-count="${count}">` +
          `<title>${escapeHtml(l.locale)}: ${count} ${o.label.toLowerCase()} (${percent(count / (l.questions || 1), l.questions)})</title></rect>`;
        x += w;
        return rect;
      }).join('');
      return (
        `<g class="locale-row" data-locale="${escapeHtml(l.locale)}" data-questions="${l.questions}">` +
        `<text x="${labelW - 8}" y="${y + rowH / 2}" text-anchor="end">${escapeHtml(localeLabel(l.locale))}</text>${segments}` +
        `<text x="${(x + 6).toFixed(2)}" y="${y + rowH / 2}">${l.questions}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart" id="outcomes-chart" role="img" aria-label="Outcomes per locale" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}">${legend}${rows}</svg>`
  );
}

/** Diverging bars: 👎 to the left of the axis, 👍 to the right. */
function helpfulnessChart(id: string, title: string, entries: readonly EntryFeedback[]): string {
  if (entries.length === 0) return `<p class="empty" id="${id}">No entries yet.</p>`;
  const labelW = 230;
  const half = 200;
  const rowH = 26;
  const top = 26;
  const axis = labelW + 30 + half;
  const width = axis + half + 40;
  const height = top + rowH * entries.length + 6;
  const max = Math.max(1, ...entries.map((e) => Math.max(e.helpful, e.notHelpful)));
  const rows = entries
    .map((e, i) => {
      const y = top + i * rowH;
      const up = (e.helpful / max) * half;
      const down = (e.notHelpful / max) * half;
      const mid = y + rowH / 2;
      return (
        `<g class="entry-row" data-entry="${escapeHtml(e.entryId)}" data-helpful="${e.helpful}" data-not-helpful="${e.notHelpful}">` +
        `<title>${escapeHtml(e.entryId)}: ${e.helpful} 👍, ${e.notHelpful} 👎, answered ${e.answered}×</title>` +
        `<text x="${labelW}" y="${mid}" text-anchor="end">${escapeHtml(shorten(e.entryId, 32))}</text>` +
        `<text x="${(axis - down - 4).toFixed(2)}" y="${mid}" text-anchor="end">${e.notHelpful}</text>` +
        `<rect x="${(axis - down).toFixed(2)}" y="${y}" width="${down.toFixed(2)}" height="${rowH - 8}" fill="${COLORS.notHelpful}"/>` +
        `<rect x="${axis}" y="${y}" width="${up.toFixed(2)}" height="${rowH - 8}" fill="${COLORS.helpful}"/>` +
        `<text x="${(axis + up + 4).toFixed(2)}" y="${mid}">${e.helpful}</text></g>`
      );
    })
    .join('');
  const head =
    `<text x="${axis - 8}" y="16" text-anchor="end">👎 not helpful</text>` + `<text x="${axis + 8}" y="16">👍 helpful</text>` +
    `<line x1="${axis}" y1="${top - 4}" x2="${axis}" y2="${height}" stroke="#888"/>`;
  return (
    `<svg class="chart" id="${id}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}">${head}${rows}</svg>`
  );
}

function localeTable(locales: readonly LocaleSummary[]): string {
  const rows = locales
    .map(
      (l) =>
        `<tr data-locale="${escapeHtml(l.locale)}"><th scope="row">${escapeHtml(localeLabel(l.locale))}</th>` +
        `<td data-field="conversations">${l.conversations}</td><td data-field="questions">${l.questions}</td>` +
        `<td data-field="answered">${l.answered}</td><td data-field="clarified">${l.clarified}</td>` +
        `<td data-field="unanswered">${l.unanswered}</td><td data-field="noneOfThese">${l.noneOfThese}</td>` +
        `<td data-field="answerRate">${percent(l.answerRate, l.questions)}</td>` +
        `<td data-field="clarifyRate">${percent(l.clarifyRate, l.questions)}</td></tr>`,
    )
    .join('');
  return (
    '<table id="locale-table"><thead><tr><th>Locale</th><th>Conversations</th><th>Questions</th><th>Answered</th>' +
    '<th>Clarified</th><th>Unanswered</th><th>“None of these”</th><th>Answer rate</th><th>Clarify rate</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

function unansweredSection(locales: readonly LocaleSummary[]): string {
  const parts = locales
    .filter((l) => l.unanswered > 0)
    .map((l) => {
      const lang = isLocale(l.locale) ? ` lang="${l.locale}"` : '';
      const items = l.topUnanswered
        .map((q) => `<li data-count="${q.count}"><span class="count">${q.count}×</span> <span class="q"${lang} dir="auto">${escapeHtml(q.text)}</span></li>`)
        .join('');
      const expired = l.unansweredTextExpired
        ? `<p class="note">+${l.unansweredTextExpired} more whose text was deleted after the retention period.</p>`
        : '';
      return `<section class="unanswered" data-locale="${escapeHtml(l.locale)}"><h3>${escapeHtml(localeLabel(l.locale))}</h3><ol>${items}</ol>${expired}</section>`;
    });
  return parts.length ? parts.join('') : '<p class="empty">No unanswered questions.</p>';
}

function entryTable(entries: readonly EntryFeedback[]): string {
  const rated = entries.filter((e) => e.helpful + e.notHelpful > 0);
  if (rated.length === 0) return '<p class="empty">No feedback yet.</p>';
  const rows = rated
    .map(
      (e) =>
        `<tr data-entry="${escapeHtml(e.entryId)}"><th scope="row"><code>${escapeHtml(e.entryId)}</code></th>` +
        `<td data-field="answered">${e.answered}</td><td data-field="helpful">${e.helpful}</td><td data-field="notHelpful">${e.notHelpful}</td></tr>`,
    )
    .join('');
  return `<table id="entry-table"><thead><tr><th>Entry</th><th>Answered</th><th>👍</th><th>👎</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
  h3 { font-size: 1.05rem; margin-bottom: .3rem; }
  .meta, .note, .empty { color: #555; }
  table { border-collapse: collapse; margin: .8rem 0; font-variant-numeric: tabular-nums; }
  th, td { padding: .3rem .6rem; border-bottom: 1px solid #e4e4e4; text-align: right; } th:first-child, thead th { text-align: left; }
  th[scope="row"] { white-space: nowrap; } thead th { font-size: .85rem; vertical-align: bottom; }
  svg.chart { max-width: 100%; height: auto; font-size: 13px; } svg.chart text { dominant-baseline: middle; fill: #1b1b1b; }
  ol { padding-left: 1.4rem; } li { margin: .15rem 0; } .count { display: inline-block; min-width: 2.5rem; color: #555; font-variant-numeric: tabular-nums; }
`;

/**
 * A self-contained HTML report: inline CSS and SVG only, no scripts, fonts or other files, so it opens offline
 * and can be mailed as one attachment. All user text is escaped.
 */
export function renderHtmlReport(report: AnalyticsReport): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>TITP guide bot — analytics report</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>TITP guide bot — analytics report</h1>',
    `<p class="meta">${report.events} events from ${day(report.firstEventAt)} to ${day(report.lastEventAt)} (UTC) · ` +
      `source <code>${escapeHtml(report.source)}</code> · generated ${escapeHtml(report.generatedAt.toISOString())}</p>`,
    '<h2>Outcomes per locale</h2>',
    outcomesChart(report.locales),
    localeTable(report.locales),
    '<h2>Most helpful entries</h2>',
    '<p class="note">Ranked by 👍 minus 👎; entries with at least one 👍.</p>',
    helpfulnessChart('most-helpful-chart', 'Most helpful entries', mostHelpful(report.entries)),
    '<h2>Least helpful entries</h2>',
    '<p class="note">Ranked by 👎 minus 👍; entries with at least one 👎. Review these answers first.</p>',
    helpfulnessChart('least-helpful-chart', 'Least helpful entries', leastHelpful(report.entries)),
    '<h2>Top unanswered questions</h2>',
    '<p class="note">Questions the bot found no answer for, by how often they were asked. Add or extend knowledge entries for these.</p>',
    unansweredSection(report.locales),
    '<h2>Feedback per entry</h2>',
    entryTable(report.entries),
    '</body></html>',
    '',
  ].join('\n');
}
