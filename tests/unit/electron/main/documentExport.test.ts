import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createPrintProtocolHandler,
  exportDocument,
  isPrintRequestAllowed,
  printWindowPreferences,
  type ExportDeps,
} from '../../../../electron/main/documentExport';

function deps(filePath: string | undefined): ExportDeps & {
  writeFile: ReturnType<typeof vi.fn>;
  printToPdf: ReturnType<typeof vi.fn>;
} {
  return {
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: filePath === undefined, filePath })),
    writeFile: vi.fn(() => Promise.resolve()),
    printToPdf: vi.fn(() => Promise.resolve(new Uint8Array([37, 80, 68, 70]))),
    language: () => 'es-419',
    defaultDir: '/home/ana/Documentos',
  };
}

describe('exportDocument', () => {
  it('writes Markdown where the person chose and tells the page only the file name', async () => {
    const d = deps('/home/ana/Documentos/acta.md');
    await expect(
      exportDocument({ format: 'markdown', title: 'Acta', markdown: '# Acta' }, d),
    ).resolves.toEqual({ status: 'saved', fileName: 'acta.md' });
    expect(d.writeFile).toHaveBeenCalledWith('/home/ana/Documentos/acta.md', '# Acta');
    expect(d.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Exportar como Markdown',
        defaultPath: path.join('/home/ana/Documentos', 'Acta.md'),
        filters: [{ name: 'Documento Markdown', extensions: ['md'] }],
      }),
    );
  });

  it('writes the sync panel’s pending changes as JSON, with their own dialog text', async () => {
    const d = deps('/home/ana/Documentos/cambios.json');
    await expect(
      exportDocument({ format: 'changes', title: 'Cambios pendientes', json: '{"rooms":[]}' }, d),
    ).resolves.toEqual({ status: 'saved', fileName: 'cambios.json' });
    expect(d.writeFile).toHaveBeenCalledWith('/home/ana/Documentos/cambios.json', '{"rooms":[]}');
    expect(d.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Exportar cambios pendientes',
        defaultPath: path.join('/home/ana/Documentos', 'Cambios pendientes.json'),
        filters: [{ name: 'Cambios de Minka (JSON)', extensions: ['json'] }],
      }),
    );
    expect(d.printToPdf).not.toHaveBeenCalled();
  });

  it('prints PDF from the HTML it was given', async () => {
    const d = deps('/tmp/acta.pdf');
    await exportDocument({ format: 'pdf', title: 'Acta', html: '<p>Hola</p>' }, d);
    expect(d.printToPdf).toHaveBeenCalledWith('<p>Hola</p>');
    expect(d.writeFile).toHaveBeenCalledWith('/tmp/acta.pdf', new Uint8Array([37, 80, 68, 70]));
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const d = deps(undefined);
    await expect(
      exportDocument({ format: 'html', title: 'Acta', html: '<p>' }, d),
    ).resolves.toEqual({ status: 'cancelled' });
    expect(d.writeFile).not.toHaveBeenCalled();
    expect(d.printToPdf).not.toHaveBeenCalled();
  });
});

describe('the print window', () => {
  it('runs no JavaScript, has no preload and is sandboxed', () => {
    const preferences = printWindowPreferences('minka-export-1');
    expect(preferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(preferences).not.toHaveProperty('preload');
  });

  it.each([
    ['app://print/documento.html', true],
    ['data:image/png;base64,AAAA', true],
    ['app://minka/index.html', false],
    ['app://print/other.html', false],
    ['file:///etc/passwd', false],
    ['https://evil.example/pixel.png', false],
    ['http://127.0.0.1:4455/api/workspace', false],
  ])('may load %s: %s', (url, allowed) => {
    expect(isPrintRequestAllowed(url)).toBe(allowed);
  });

  it('serves the page it prints from memory, with a CSP that allows no script', async () => {
    const handler = createPrintProtocolHandler('<p>Hola</p>');
    const page = handler(new Request('app://print/documento.html'));
    expect(page.status).toBe(200);
    await expect(page.text()).resolves.toBe('<p>Hola</p>');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(handler(new Request('app://print/../../etc/passwd')).status).toBe(404);
    expect(handler(new Request('app://minka/index.html')).status).toBe(404);
  });
});
