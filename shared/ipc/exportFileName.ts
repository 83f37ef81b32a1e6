/**
 * The file name of an exported document, one rule for the desktop's save dialog (electron/main)
 * and the browser's download (renderer/platform): the title without path separators, control
 * or reserved characters, no leading dots or trailing dots and spaces, not a Windows device name
 * (CON, PRN, AUX, NUL, COM1…, LPT1…), at most 120 characters before the extension.
 */
import type { SaveFormat } from './events';

export const EXPORT_EXTENSIONS: Readonly<Record<SaveFormat, string>> = {
  pdf: 'pdf',
  html: 'html',
  markdown: 'md',
  changes: 'json',
};

const FALLBACK_NAME = 'documento';

export function exportFileName(title: string, format: SaveFormat): string {
  const printable = Array.from(title.normalize('NFC'), (char) =>
    char.charCodeAt(0) < 0x20 || char === '\u007f' ? ' ' : char,
  ).join('');
  const base = printable
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) || base === '' ? FALLBACK_NAME : base;
  return `${safe}.${EXPORT_EXTENSIONS[format]}`;
}
