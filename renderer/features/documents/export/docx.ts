/**
 * Word (.docx) files with the `docx` library, from a document's ProseMirror JSON (read from its
 * Y.Doc through the editor's schema, as the HTML export does): headings, paragraphs with marks and
 * links, bullet/numbered/task lists, tables, quotes, code. The same builder makes the sign-off
 * record ("expediente"): a cover page, the frozen text and an annex with each organization's
 * answer and the content hash. Labels come in as arguments, so this module holds no UI text.
 */
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type * as Y from 'yjs';
import { getDocumentBody } from '../../../../shared/ydoc/documentDoc';
import { editorExtensions } from '../editorExtensions';
import { parseImageDataUrl } from '../images/prepareImage';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

export function documentJson(doc: Y.Doc): PmNode {
  const schema = getSchema(
    editorExtensions({ doc, provider: null, user: { name: '', color: '' }, placeholder: '' }),
  );
  return yXmlFragmentToProseMirrorRootNode(getDocumentBody(doc), schema).toJSON() as PmNode;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const ORDERED = 'minka-ordered';

function runs(nodes: readonly PmNode[] = [], extra: { bold?: boolean } = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    if (node.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
    if (node.type !== 'text' || node.text === undefined) return [];
    const marks = new Set((node.marks ?? []).map((mark) => mark.type));
    const link = node.marks?.find((mark) => mark.type === 'link');
    const run = new TextRun({
      text: node.text,
      bold: marks.has('bold') || extra.bold,
      italics: marks.has('italic'),
      underline: marks.has('underline') || link !== undefined ? {} : undefined,
      strike: marks.has('strike'),
      font: marks.has('code') ? 'Consolas' : undefined,
      color: link !== undefined ? '1F4E5F' : undefined,
    });
    const href = link?.attrs?.href;
    return typeof href === 'string'
      ? [new ExternalHyperlink({ link: href, children: [run] })]
      : [run];
  });
}

interface ListContext {
  kind: 'bullet' | 'ordered' | 'task';
  level: number;
  /** Separate numbered lists restart at 1. */
  instance: number;
}

let orderedInstances = 0;

function blocks(nodes: readonly PmNode[] = [], list: ListContext | null = null): FileChild[] {
  return nodes.flatMap((node) => block(node, list));
}

function block(node: PmNode, list: ListContext | null): FileChild[] {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 3);
      return [new Paragraph({ heading: HEADINGS[level - 1], children: runs(node.content) })];
    }
    case 'paragraph': {
      if (list === null) return [new Paragraph({ children: runs(node.content) })];
      if (list.kind === 'bullet') {
        return [new Paragraph({ bullet: { level: list.level }, children: runs(node.content) })];
      }
      if (list.kind === 'ordered') {
        return [
          new Paragraph({
            numbering: { reference: ORDERED, level: list.level, instance: list.instance },
            children: runs(node.content),
          }),
        ];
      }
      return [new Paragraph({ indent: { left: 360 * list.level }, children: runs(node.content) })];
    }
    case 'bulletList':
    case 'orderedList':
    case 'taskList': {
      const kind =
        node.type === 'bulletList' ? 'bullet' : node.type === 'orderedList' ? 'ordered' : 'task';
      const context: ListContext = {
        kind,
        level: list === null ? 0 : list.level + 1,
        instance: kind === 'ordered' ? ++orderedInstances : 0,
      };
      return blocks(node.content, context);
    }
    case 'listItem':
      return blocks(node.content, list);
    case 'taskItem': {
      const [first, ...rest] = node.content ?? [];
      const box = node.attrs?.checked === true ? '☒ ' : '☐ ';
      const level = list?.level ?? 0;
      const head = new Paragraph({
        indent: { left: 360 * level },
        children: [new TextRun(box), ...runs(first?.content)],
      });
      return [head, ...blocks(rest, list)];
    }
    case 'blockquote':
      return blocks(node.content).map((child) => child);
    case 'codeBlock':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, fill: 'F3F5F6', color: 'auto' },
          children: (node.content ?? []).map(
            (text) => new TextRun({ text: text.text ?? '', font: 'Consolas' }),
          ),
        }),
      ];
    case 'horizontalRule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C9D1D4', space: 1 } },
          children: [],
        }),
      ];
    case 'table':
      return [table(node)];
    case 'image':
      return image(node);
    default:
      return node.content !== undefined ? blocks(node.content, list) : [];
  }
}

/** Page width in pixels (A4 less margins at 96 dpi) and the share each width preset takes. */
const PAGE_WIDTH_PX = 600;
const SIZE_SHARE: Record<string, number> = { small: 0.33, medium: 0.6, full: 1 };
const DOCX_IMAGE_TYPE = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const;

/** An image as a centred picture (with its alt text) and its caption under it. */
function image(node: PmNode): FileChild[] {
  const src = String(node.attrs?.src ?? '');
  const parsed = parseImageDataUrl(src);
  if (parsed === null) return [];
  const type = DOCX_IMAGE_TYPE[parsed.type as keyof typeof DOCX_IMAGE_TYPE];
  const binary = atob(src.slice(src.indexOf(',') + 1));
  const data = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const naturalWidth = Number(node.attrs?.width) || PAGE_WIDTH_PX;
  const naturalHeight = Number(node.attrs?.height) || naturalWidth * 0.75;
  const share = SIZE_SHARE[String(node.attrs?.size)] ?? 1;
  const width = Math.min(naturalWidth, Math.round(PAGE_WIDTH_PX * share));
  const height = Math.round((naturalHeight * width) / naturalWidth);
  const alt = String(node.attrs?.alt ?? '');
  const caption = String(node.attrs?.caption ?? '');
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type,
        data,
        transformation: { width, height },
        altText: { name: alt, description: alt, title: alt },
      }),
    ],
  });
  if (caption === '') return [picture];
  return [
    picture,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: caption, italics: true, size: 18 })],
    }),
  ];
}

function table(node: PmNode): Table {
  const rows = (node.content ?? []).map(
    (row) =>
      new TableRow({
        children: (row.content ?? []).map((cell) => {
          const header = cell.type === 'tableHeader';
          const children = (cell.content ?? []).flatMap((child) =>
            child.type === 'paragraph'
              ? [new Paragraph({ children: runs(child.content, { bold: header }) })]
              : block(child, null),
          );
          return new TableCell({
            columnSpan: Number(cell.attrs?.colspan ?? 1),
            rowSpan: Number(cell.attrs?.rowspan ?? 1),
            shading: header
              ? { type: ShadingType.CLEAR, fill: 'EEF2F3', color: 'auto' }
              : undefined,
            children: children.length > 0 ? (children as Paragraph[]) : [new Paragraph('')],
          });
        }),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function simpleTable(header: readonly string[], body: readonly string[][]): Table {
  const row = (cells: readonly string[], bold: boolean) =>
    new TableRow({
      children: cells.map(
        (text) =>
          new TableCell({
            shading: bold ? { type: ShadingType.CLEAR, fill: 'EEF2F3', color: 'auto' } : undefined,
            children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...body.map((cells) => row(cells, false))],
  });
}

export interface DocxCover {
  /** Lines under the title: group, version, date… */
  lines: string[];
}

export interface DocxAnnex {
  title: string;
  /** Paragraphs before the table: outcome, rule, content hash… */
  lines: string[];
  header: string[];
  rows: string[][];
}

export interface DocxInput {
  title: string;
  body: PmNode;
  /** A cover page before the text (the expediente); without it the title heads the first page. */
  cover?: DocxCover;
  annex?: DocxAnnex;
  language: string;
}

export function buildDocx({ title, body, cover, annex, language }: DocxInput): Document {
  orderedInstances = 0;
  const children: FileChild[] = [];
  if (cover !== undefined) {
    children.push(
      new Paragraph({ spacing: { before: 2400 }, children: [] }),
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        children: [new TextRun(title)],
      }),
      ...cover.lines.map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun(line)],
          }),
      ),
      new Paragraph({ children: [new PageBreak()] }),
    );
  } else {
    children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }));
  }
  children.push(...blocks(body.content));
  if (annex !== undefined) {
    children.push(
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(annex.title)] }),
      ...annex.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
      simpleTable(annex.header, annex.rows),
    );
  }
  return new Document({
    title,
    creator: 'Minka',
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22, language: { value: language } } } },
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  });
}

export async function docxBytes(input: DocxInput): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(input)));
}
