// @vitest-environment happy-dom
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocumentTemplate } from '../../../../../shared/ydoc/documentTemplates';
import { documentBodyHtml } from '../../../../../renderer/features/documents/export/documentHtml';
import { docxBytes, documentJson } from '../../../../../renderer/features/documents/export/docx';
import { htmlToMarkdown } from '../../../../../renderer/features/documents/export/markdown';
import {
  docxToHtml,
  markdownToHtml,
  writeHtmlIntoDocument,
} from '../../../../../renderer/features/documents/import/importDocument';

const RICH = `
<h2>Objetivos</h2>
<p>Ver el <a href="https://cluster.pe/agua">portal del clúster</a> y <strong>priorizar</strong> el <em>reúso</em>.</p>
<ul><li><p>Minera Andina</p></li><li><p>UNSA</p></li></ul>
<ol><li><p>Diagnóstico</p></li><li><p>Piloto</p></li></ol>
<ul data-type="taskList">
  <li data-type="taskItem" data-checked="true"><p>Enviar acta</p></li>
  <li data-type="taskItem" data-checked="false"><p>Revisar presupuesto</p></li>
</ul>
<table><tbody>
  <tr><th><p>Organización</p></th><th><p>Aporte</p></th></tr>
  <tr><td><p>Minera Andina</p></td><td><p>Datos de planta</p></td></tr>
</tbody></table>`;

function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeHtmlIntoDocument(doc, RICH);
  return doc;
}

describe('DOCX export', () => {
  it('writes a file a real parser opens, with the headings, a table, links and the sign-off annex', async () => {
    const doc = new Y.Doc();
    applyDocumentTemplate(doc, 'jointProposal', 'es-419');
    writeHtmlIntoDocument(doc, RICH);
    const hash = 'a3f1c2'.padEnd(64, '0');
    const bytes = await docxBytes({
      title: 'Propuesta conjunta de I+D',
      body: documentJson(doc),
      language: 'es-419',
      cover: { lines: ['Programa de innovación abierta', 'Versión para consulta con la DREM'] },
      annex: {
        title: 'Anexo: aprobación institucional',
        lines: ['Aprobado por 2 de 3 organizaciones', `Huella del contenido (SHA-256): ${hash}`],
        header: ['Organización', 'Tipo', 'Respuesta', 'Persona', 'Fecha', 'Observaciones'],
        rows: [
          ['Minera Andina', 'Empresa minera', 'Aprueba', 'Mara Minera', '14/03/2026 10:12', ''],
          [
            'UNSA',
            'Academia',
            'Aprueba con observaciones',
            'Ulises Docente',
            '14/03/2026 11:40',
            'Precisar el indicador.',
          ],
        ],
      },
    });
    // A .docx is a zip: it starts with "PK".
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<h2>Objetivos</h2>');
    expect(html).toContain('<h2>Consorcio empresa–universidad–proveedor</h2>');
    expect(html).toContain('<h1>Anexo: aprobación institucional</h1>');
    expect(html).toMatch(/<table>.*Organización.*Minera Andina.*Datos de planta.*<\/table>/s);
    expect(html).toContain('<a href="https://cluster.pe/agua">portal del clúster</a>');
    expect(html).toContain('<strong>priorizar</strong>');
    expect(html).toMatch(/Ulises Docente.*Precisar el indicador\./s);
    expect(html).toContain(hash);
    expect(html).toContain('☒ Enviar acta');
    expect(html).toContain('☐ Revisar presupuesto');
  });

  it('re-imports its own export: Word headings, lists and tables come back', async () => {
    const bytes = await docxBytes({
      title: 'Acta',
      body: documentJson(richDoc()),
      language: 'es-419',
    });
    const imported = new Y.Doc();
    writeHtmlIntoDocument(imported, await docxToHtml(bytes.slice().buffer));
    const html = documentBodyHtml(imported);
    expect(html).toContain('<h2>Objetivos</h2>');
    expect(html).toMatch(/<ul><li><p>Minera Andina<\/p><\/li><li><p>UNSA<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<ol><li><p>Diagnóstico<\/p><\/li><li><p>Piloto<\/p><\/li><\/ol>/);
    expect(html).toMatch(/<table.*Organización.*Datos de planta.*<\/table>/s);
    expect(html).toContain('href="https://cluster.pe/agua"');
  });
});

describe('Markdown import', () => {
  it('re-imports a Markdown export keeping headings, lists, tables, task lists and links', () => {
    const original = richDoc();
    const markdown = htmlToMarkdown('Acta', documentBodyHtml(original));
    const imported = new Y.Doc();
    writeHtmlIntoDocument(imported, markdownToHtml(markdown));
    const before = documentJson(original);
    const after = documentJson(imported);
    // The export adds the title as a heading; the rest must come back node for node.
    expect(after.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    expect(JSON.stringify(after.content?.slice(1))).toBe(JSON.stringify(before.content));
  });

  it('reads GitHub task lists and tables written by hand', () => {
    const doc = new Y.Doc();
    writeHtmlIntoDocument(
      doc,
      markdownToHtml(
        '# Tareas\n\n- [x] Firmar convenio\n- [ ] Enviar [bases](https://cluster.pe/bases)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n',
      ),
    );
    const json = JSON.stringify(documentJson(doc));
    expect(json).toContain('"type":"taskList"');
    expect(json).toContain('"checked":true');
    expect(json).toContain('"checked":false');
    expect(json).toContain('"href":"https://cluster.pe/bases"');
    expect(json).toContain('"type":"tableHeader"');
  });
});
