/**
 * Escapes text so that Markdown and HTML renderers (Web Chat, Teams, Emulator) show it literally. Used for any text
 * that did not come from our own content, so `[click](http://evil)` and `<script>` arrive inert.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1');
}

/** A Markdown link whose label cannot break out of its brackets. */
export function markdownLink(label: string, url: string): string {
  return `[${label.replace(/([\\[\]])/g, '\\$1')}](${encodeURI(decodeURI(url))})`;
}
