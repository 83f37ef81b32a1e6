/**
 * Renders build/icon.svg to the PNG icons electron-builder needs (it derives .ico and .icns
 * from build/icon.png), with the system Chromium through Playwright, so no icon tool has to be
 * downloaded. Run after changing the SVG: `node scripts/makeIcons.mjs`; the PNGs are committed.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'build/icon.svg'), 'utf8');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const render = async (size, file) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace(
        /width="1024" height="1024"/,
        `width="${size}" height="${size}"`,
      )}</body></html>`,
    );
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  };
  await render(1024, path.join(root, 'build/icon.png'));
  mkdirSync(path.join(root, 'build/icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    await render(size, path.join(root, `build/icons/${size}x${size}.png`));
  }
} finally {
  await browser.close();
}
