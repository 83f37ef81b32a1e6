// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks } from '../../../../../shared/ydoc/documentDoc';
import {
  documentBodyHtml,
  standaloneHtml,
} from '../../../../../renderer/features/documents/export/documentHtml';
import { htmlToMarkdown } from '../../../../../renderer/features/documents/export/markdown';
import { buildExportRequest } from '../../../../../renderer/features/documents/export/useDocumentExport';

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  appendBlocks(doc, [
    { type: 'heading', level: 2, text: 'Objetivos' },
    {
      type: 'paragraph',
      runs: [
        { text: 'Reducir el consumo de ' },
        { text: 'agua', marks: ['bold'] },
        { text: ' en <planta> & relaves', marks: ['italic'] },
      ],
    },
    { type: 'bulletList', items: ['Monitoreo', 'Reúso'] },
    {
      type: 'taskList',
      items: [
        { text: 'Firmar convenio', checked: true },
        { text: 'Publicar informe', checked: false },
      ],
    },
  ]);
  return doc;
}

describe('document export', () => {
  it('renders the Y.Doc body through the editor schema, text escaped', () => {
    const html = documentBodyHtml(seededDoc());
    expect(html).toContain('<h2>Objetivos</h2>');
    expect(html).toContain('<strong>agua</strong>');
    expect(html).toContain('<em> en &lt;planta&gt; &amp; relaves</em>');
    expect(html).toContain('data-type="taskList"');
  });

  it('wraps the body in a standalone page that forbids scripts', () => {
    const page = standaloneHtml({
      title: 'Acta <script>alert(1)</script>',
      bodyHtml: '<p>Hola</p>',
      language: 'es-419',
    });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="es-419">');
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('<title>Acta &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('@media print');
  });

  it('converts to Markdown with headings, emphasis, lists and task lists', () => {
    const markdown = htmlToMarkdown('Plan hídrico', documentBodyHtml(seededDoc()));
    expect(markdown).toContain('# Plan hídrico');
    expect(markdown).toContain('## Objetivos');
    expect(markdown).toContain('**agua**');
    expect(markdown).toMatch(/-\s+Monitoreo/);
    expect(markdown).toMatch(/\[x\] Firmar convenio/);
    expect(markdown).toMatch(/\[ \] Publicar informe/);
  });

  it('writes tables and strikethrough as GitHub-flavoured Markdown, each task box once', () => {
    const markdown = htmlToMarkdown(
      'Consumo',
      '<table><tbody><tr><th><p>Faena</p></th><th><p>Litros</p></th></tr>' +
        '<tr><td><p>Planta</p></td><td><p>12</p></td></tr></tbody></table><p><s>meta anterior</s></p>',
    );
    expect(markdown).toMatch(/\| Faena \| Litros \|\n\| --- \| --- \|\n\| Planta \| 12 +\|/);
    expect(markdown).toContain('~~meta anterior~~');
    const tasks = htmlToMarkdown('Plan hídrico', documentBodyHtml(seededDoc()));
    expect(tasks.match(/\[x\]/g)).toHaveLength(1);
  });

  it('keeps text that looks like HTML as text in Markdown', () => {
    const markdown = htmlToMarkdown(
      '',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 2 &lt; 3</p>',
    );
    expect(markdown).not.toMatch(/(?<!\\)<script/);
    expect(markdown).toContain('\\<script>alert(1)\\</script>');
  });

  it('builds the request main expects for each format', () => {
    const doc = seededDoc();
    expect(buildExportRequest('markdown', doc, 'Plan', 'es-419')).toMatchObject({
      format: 'markdown',
      title: 'Plan',
    });
    const pdf = buildExportRequest('pdf', doc, 'Plan', 'en');
    expect(pdf.format).toBe('pdf');
    expect('html' in pdf && pdf.html).toContain('<h2>Objetivos</h2>');
  });
});
