/**
 * Images in documents (issue 12): a pasted photo is scaled down on this computer until it fits
 * the per-image limit, the alt text editor opens at once (and an image without alt text says
 * so), width and caption are set from the image's toolbar, and everything reaches a second
 * browser through the document itself. A file that is not a picture is refused with a sentence.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorOf, openApp, openDocument } from './support/app';
import { JORGE } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const servers = serversPerTest();

const DOC = 'Desafíos operacionales 2027';
const SHOTS = '/tmp/shots/i12c-search';

/**
 * Pastes into the editor a PNG drawn in the page (a gradient with grain, so it does not
 * compress to nothing) and returns the size of the file pasted.
 */
async function pastePicture(page: Page, width: number, height: number): Promise<number> {
  return page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#2f6b3f');
      gradient.addColorStop(0.5, '#c9b37e');
      gradient.addColorStop(1, '#1f4e5f');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height);
      let seed = 7;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1664525 + 1013904223) >>> 0;
        const grain = (seed >>> 24) / 16 - 8;
        pixels.data[i] = pixels.data[i]! + grain;
        pixels.data[i + 1] = pixels.data[i + 1]! + grain;
        pixels.data[i + 2] = pixels.data[i + 2]! + grain;
      }
      context.putImageData(pixels, 0, 0);
      const blob = await new Promise<Blob>((resolve) =>
        canvas.toBlob((b) => resolve(b!), 'image/png'),
      );
      const data = new DataTransfer();
      data.items.add(new File([blob], 'poza.png', { type: 'image/png' }));
      document
        .querySelector('.ProseMirror')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      return blob.size;
    },
    { width, height },
  );
}

test('a pasted photo is scaled to fit, gets alt text, a width and a caption, and reaches a second browser', async ({
  browser,
}) => {
  const first = await openApp(browser, servers.appUrl(), JORGE);
  await openDocument(first.page, DOC);
  const editor = editorOf(first.page);
  await editor.click();
  await editor.press('Control+End');
  await editor.press('Enter');
  const pasted = await pastePicture(first.page, 2400, 1600);
  expect(pasted).toBeGreaterThan(300 * 1024);

  // The alt text editor opens by itself; "Más tarde" leaves a visible warning.
  const altDialog = first.page.getByRole('dialog', { name: 'Texto alternativo' });
  await expect(altDialog).toBeVisible({ timeout: 30_000 });
  await altDialog.getByRole('button', { name: 'Más tarde' }).click();
  const figure = editor.locator('figure.document-image');
  const warning = figure.getByRole('button', { name: 'Falta el texto alternativo' });
  await expect(warning).toBeVisible();
  await figure.scrollIntoViewIfNeeded();
  await first.page.screenshot({ path: `${SHOTS}/image-missing-alt.png` });

  const img = figure.locator('img');
  const stored = await img.evaluate((element: HTMLImageElement) => ({
    bytes: Math.floor((element.src.length - element.src.indexOf(',') - 1) * 0.75),
    width: element.naturalWidth,
    height: element.naturalHeight,
  }));
  expect(stored.bytes).toBeLessThanOrEqual(300 * 1024);
  expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(1600);
  expect(stored.width / stored.height).toBeCloseTo(1.5, 1);

  await warning.click();
  await altDialog
    .getByRole('textbox', { name: 'Descripción de la imagen' })
    .fill('Poza de relaves con la geomembrana nueva, vista desde el norte');
  await altDialog.getByRole('button', { name: 'Guardar descripción' }).click();
  await expect(warning).toBeHidden();
  await expect(img).toHaveAttribute(
    'alt',
    'Poza de relaves con la geomembrana nueva, vista desde el norte',
  );

  const tools = figure.getByRole('toolbar', { name: 'Opciones de la imagen' });
  await figure.hover();
  await tools.getByRole('button', { name: 'Mediana' }).click();
  await expect(tools.getByRole('button', { name: 'Mediana' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const caption = figure.getByRole('textbox', { name: 'Pie de imagen' });
  await caption.fill('Foto: equipo de campo, octubre de 2026');
  await caption.press('Enter');
  await figure.hover();
  await first.page.screenshot({ path: `${SHOTS}/image-editor.png` });

  const second = await openApp(browser, servers.appUrl(), JORGE);
  await openDocument(second.page, DOC);
  const remote = editorOf(second.page).locator('figure.document-image');
  await expect(remote.locator('img')).toHaveAttribute(
    'alt',
    'Poza de relaves con la geomembrana nueva, vista desde el norte',
    { timeout: 30_000 },
  );
  await expect(remote).toHaveAttribute('data-size', 'medium');
  await expect(remote.getByRole('textbox', { name: 'Pie de imagen' })).toHaveValue(
    'Foto: equipo de campo, octubre de 2026',
  );
  await first.context.close();
  await second.context.close();
});

test('"/" inserts an image from a file; a file that is not a picture is refused with a sentence', async ({
  browser,
}) => {
  const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
  await openDocument(page, DOC);
  const editor = editorOf(page);
  await editor.click();
  await editor.press('Control+End');
  await editor.press('Enter');

  const picture = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  await editor.pressSequentially('/imag');
  const menu = page.getByRole('listbox', { name: 'Insertar bloque' });
  await expect(menu.getByRole('option', { name: 'Imagen' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const chooser = page.waitForEvent('filechooser');
  await editor.press('Enter');
  await (await chooser).setFiles({ name: 'captura.png', mimeType: 'image/png', buffer: picture });
  const altDialog = page.getByRole('dialog', { name: 'Texto alternativo' });
  await expect(altDialog).toBeVisible({ timeout: 30_000 });
  await altDialog.getByRole('textbox', { name: 'Descripción de la imagen' }).fill('Captura');
  await altDialog.getByRole('textbox', { name: 'Descripción de la imagen' }).press('Enter');
  await expect(editor.locator('figure.document-image img')).toHaveAttribute('alt', 'Captura');

  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['esto no es una imagen'], 'falsa.png', { type: 'image/png' }));
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
  });
  await expect(page.getByRole('alert')).toContainText(
    'Ese archivo no es una imagen que Minka pueda leer',
  );
  await page.screenshot({ path: `${SHOTS}/image-refused.png` });
  await expect(editor.locator('figure.document-image')).toHaveCount(1);
  await context.close();
});
