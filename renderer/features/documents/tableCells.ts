/**
 * Table cells and headers that parse pasted HTML in time proportional to the table.
 *
 * Tiptap's cells read a column width missing from the cell from the table's `<colgroup>`, and
 * look that up with `table.querySelectorAll('colgroup > col')` once per cell: every cell scans
 * the whole table, so pasting a 30 × 500 table from a spreadsheet scanned 15,000 cells 15,000
 * times (9.6 s of the 17 s the page froze). Here the table's column widths are read once per
 * table and parse (the memo is dropped at the end of the task, so a later parse of a changed
 * table reads it again), and empty cells are told without copying their text.
 */
import type { Node as PMNode, NodeType } from '@tiptap/pm/model';
import { TableCell, TableHeader } from '@tiptap/extension-table';

let widthsOfTable = new WeakMap<Element, Array<string | null>>();
let clearing = false;

function colgroupWidths(table: Element): Array<string | null> {
  let widths = widthsOfTable.get(table);
  if (widths === undefined) {
    widths = Array.from(table.querySelectorAll('colgroup > col'), (col) =>
      col.getAttribute('width'),
    );
    widthsOfTable.set(table, widths);
    if (!clearing) {
      clearing = true;
      queueMicrotask(() => {
        widthsOfTable = new WeakMap();
        clearing = false;
      });
    }
  }
  return widths;
}

/** The cell's `colwidth` attribute, else the width of its column's `<col>`, as Tiptap reads it. */
export function parseColwidth(element: HTMLElement): number[] | null {
  const colwidth = element.getAttribute('colwidth');
  if (colwidth) return colwidth.split(',').map((width) => parseInt(width, 10));
  const row = element.parentElement;
  const table = element.closest('table');
  if (row === null || table === null) return null;
  const widths = colgroupWidths(table);
  if (widths.length === 0) return null;
  const width = widths[Array.prototype.indexOf.call(row.children, element)];
  return width ? [parseInt(width, 10)] : null;
}

const NOT_COLLAPSIBLE = /[^ \t\r\n\f]/;

/** A cell with no elements and only collapsible whitespace (a non-breaking space is content). */
export function isEmptyCellElement(element: HTMLElement): boolean {
  return element.children.length === 0 && !NOT_COLLAPSIBLE.test(element.textContent ?? '');
}

function emptyContent(type: NodeType | undefined): PMNode['content'] {
  const filled = type?.createAndFill();
  if (filled === null || filled === undefined)
    throw new Error(`no default content for ${type?.name}`);
  return filled.content;
}

export const FastTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), colwidth: { default: null, parseHTML: parseColwidth } };
  },
  parseHTML() {
    return [
      {
        tag: 'td',
        getAttrs: (node) => (isEmptyCellElement(node) ? {} : false),
        getContent: (_node, schema) => emptyContent(schema.nodes[this.name]),
      },
      { tag: 'td' },
    ];
  },
});

export const FastTableHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), colwidth: { default: null, parseHTML: parseColwidth } };
  },
  parseHTML() {
    return [
      {
        tag: 'th',
        getAttrs: (node) => (isEmptyCellElement(node) ? {} : false),
        getContent: (_node, schema) => emptyContent(schema.nodes[this.name]),
      },
      { tag: 'th' },
    ];
  },
});
