// @vitest-environment happy-dom
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CodedError } from '../../../../../../shared/protocol/errors';
import { readDocumentBlocks } from '../../../../../../shared/ydoc/documentDoc';
import { documentBodyHtml } from '../../../../../../renderer/features/documents/export/documentHtml';
import { docxBytes, documentJson } from '../../../../../../renderer/features/documents/export/docx';
import { htmlToMarkdown } from '../../../../../../renderer/features/documents/export/markdown';
import { writeHtmlIntoDocument } from '../../../../../../renderer/features/documents/import/importDocument';
import {
  checkImageFile,
  fitWithin,
  isStorableImageSrc,
  MAX_IMAGE_BYTES,
  MAX_SOURCE_BYTES,
  parseImageDataUrl,
} from '../../../../../../renderer/features/documents/images/prepareImage';

/** A 1×1 PNG. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof CodedError ? error.code : 'not coded';
  }
}

describe('image limits', () => {
  it('scales the longest side down to the limit, keeps the proportions, never enlarges', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1000, 5000, 1600)).toEqual({ width: 320, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10_000, 1, 1600)).toEqual({ width: 1600, height: 1 });
  });

  it('measures a data URL by its decoded bytes and keeps only PNG, JPEG and GIF within the limit', () => {
    expect(parseImageDataUrl(PIXEL)).toEqual({ type: 'image/png', bytes: 70 });
    expect(isStorableImageSrc(PIXEL)).toBe(true);
    const tooLarge = `data:image/jpeg;base64,${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 4)}`;
    expect(parseImageDataUrl(tooLarge)!.bytes).toBeGreaterThan(MAX_IMAGE_BYTES);
    expect(isStorableImageSrc(tooLarge)).toBe(false);
    expect(isStorableImageSrc('https://example.org/tracker.png')).toBe(false);
    expect(isStorableImageSrc('data:image/svg+xml;base64,PHN2Zy8+')).toBe(false);
    expect(isStorableImageSrc('data:text/html;base64,PGI+')).toBe(false);
  });

  it('refuses what is not a picture and files too large to read, with their codes', () => {
    expect(codeOf(() => checkImageFile({ type: 'application/pdf', size: 10 }))).toBe(
      'image_unsupported',
    );
    expect(codeOf(() => checkImageFile({ type: 'image/svg+xml', size: 10 }))).toBe(
      'image_unsupported',
    );
    expect(codeOf(() => checkImageFile({ type: 'image/jpeg', size: MAX_SOURCE_BYTES + 1 }))).toBe(
      'image_too_large',
    );
    expect(codeOf(() => checkImageFile({ type: 'image/webp', size: 1_000_000 }))).toBeNull();
  });
});

describe('images in the document and its exports', () => {
  function docWithImage(): Y.Doc {
    const doc = new Y.Doc();
    writeHtmlIntoDocument(
      doc,
      `<p>Antes</p>
       <figure data-type="image" data-size="medium"><img src="${PIXEL}" alt="Poza de relaves" width="1" height="1"><figcaption>Vista norte</figcaption></figure>
       <p><img src="https://example.org/tracker.png" alt="remota">Después</p>`,
    );
    return doc;
  }

  it('keeps a stored image with its alt text, caption and width, and drops a remote one', () => {
    const doc = docWithImage();
    const image = documentJson(doc).content!.find((node) => node.type === 'image');
    expect(image?.attrs).toMatchObject({
      src: PIXEL,
      alt: 'Poza de relaves',
      caption: 'Vista norte',
      size: 'medium',
    });
    expect(JSON.stringify(documentJson(doc))).not.toContain('example.org');
    // Search and plain-text readers find the image by its words.
    expect(readDocumentBlocks(doc)).toContain('Poza de relaves — Vista norte');
  });

  it('exports the image to HTML, Markdown and Word with its alt text', async () => {
    const doc = docWithImage();
    const html = documentBodyHtml(doc);
    expect(html).toContain('<figcaption>Vista norte</figcaption>');
    expect(html).toMatch(/<img[^>]*alt="Poza de relaves"/);
    expect(htmlToMarkdown('Informe', html)).toContain(`![Poza de relaves](${PIXEL})`);
    const bytes = await docxBytes({
      title: 'Informe',
      body: documentJson(doc),
      language: 'es-419',
    });
    const read = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(read.value).toMatch(/<img[^>]*alt="Poza de relaves"[^>]*src="data:image\/png;base64,/);
    expect(read.value).toContain('Vista norte');
  });
});
