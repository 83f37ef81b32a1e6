import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../shared/ipc/exportFileName';

describe('exportFileName', () => {
  it.each([
    ['Acta de la sesión 3', 'pdf', 'Acta de la sesión 3.pdf'],
    ['../../etc/passwd', 'html', 'etc passwd.html'],
    ['C:\\Windows\\system32', 'markdown', 'C Windows system32.md'],
    ['a\u0000b\nc', 'pdf', 'a b c.pdf'],
    ['  ...  ', 'pdf', 'documento.pdf'],
    ['CON', 'html', 'documento.html'],
    ['Informe.', 'pdf', 'Informe.pdf'],
  ] as const)('%j as %s → %j', (title, format, name) => {
    expect(exportFileName(title, format)).toBe(name);
  });

  it('keeps names short', () => {
    expect(exportFileName('x'.repeat(500), 'pdf').length).toBeLessThanOrEqual(124);
  });
});
