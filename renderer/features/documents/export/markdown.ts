/**
 * Markdown export with Turndown (HTML → Markdown) and its GitHub-flavoured plugin (tables with
 * a header row, strikethrough, task lists). Chosen over prosemirror-markdown because it reads the
 * HTML the schema already produces, so a node added to the editor later exports sensibly without
 * writing a serializer for it; a table without a header row stays as HTML, which Markdown allows.
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

export function htmlToMarkdown(title: string, bodyHtml: string): string {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
  });
  service.use(gfm);
  // Text that looks like HTML stays text: `\<` is CommonMark for a literal `<`, so a Markdown
  // viewer that renders inline HTML cannot be made to run a <script> someone typed.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string) => escapeMarkdown(text).replace(/</g, '\\<');
  // Tiptap puts the checkbox inside a <label>, where the GFM plugin's task rule does not look.
  service.addRule('tiptapTaskItem', {
    filter: (node) => node.nodeName === 'LI' && node.getAttribute('data-type') === 'taskItem',
    replacement: (content, node) => {
      const checked = (node as HTMLElement).getAttribute('data-checked') === 'true';
      return `- [${checked ? 'x' : ' '}] ${content.trim().replace(/\n+/g, '\n  ')}\n`;
    },
  });
  const body = service.turndown(bodyHtml);
  const heading = title.trim() === '' ? '' : `# ${service.escape(title.trim())}\n\n`;
  return `${heading}${body}\n`;
}
