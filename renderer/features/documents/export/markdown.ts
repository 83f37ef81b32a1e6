/**
 * Markdown export with Turndown (HTML → Markdown) and the GitHub-flavoured rules of
 * @joplin/turndown-plugin-gfm, the maintained fork of turndown-plugin-gfm (tables, strikethrough;
 * task lists have a rule of their own). Chosen over prosemirror-markdown because it reads the
 * HTML the schema already produces, so a node added to the editor later exports sensibly without
 * writing a serializer for it; a table without a header row gets an empty one (GFM needs it).
 */
import TurndownService from 'turndown';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';

export function htmlToMarkdown(title: string, bodyHtml: string): string {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
  });
  // Task items have their own rule below (Tiptap's markup), so the plugin's is left out.
  service.use([tables, strikethrough]);
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
  // Tiptap writes a <colgroup> before the rows, and the GFM table rule then misses the header row
  // (it would export an empty header and the real one as a body row).
  const template = document.createElement('template');
  template.innerHTML = bodyHtml;
  template.content.querySelectorAll('colgroup').forEach((colgroup) => colgroup.remove());
  const body = service.turndown(template.innerHTML);
  const heading = title.trim() === '' ? '' : `# ${service.escape(title.trim())}\n\n`;
  return `${heading}${body}\n`;
}
