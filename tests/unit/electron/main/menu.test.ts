import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../../electron/main/menu';

type Item = MenuItemConstructorOptions;
const flatten = (items: Item[]): Item[] =>
  items.flatMap((item) => [item, ...flatten((item.submenu as Item[] | undefined) ?? [])]);

describe('buildMenuTemplate', () => {
  it('labels the menus in Spanish and in English', () => {
    const labels = (language: 'es-419' | 'en') =>
      buildMenuTemplate(language, 'linux', vi.fn()).map((item) => item.label);
    expect(labels('es-419')).toEqual(['Archivo', 'Edición', 'Ver', 'Ir', 'Ventana']);
    expect(labels('en')).toEqual(['File', 'Edit', 'View', 'Go', 'Window']);
  });

  it('uses Electron roles for the standard commands, so the OS shortcuts apply', () => {
    const roles = flatten(buildMenuTemplate('es-419', 'win32', vi.fn())).map((item) => item.role);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'quit',
    ]) {
      expect(roles).toContain(role);
    }
  });

  it('puts the app menu first on macOS, with quit there', () => {
    const template = buildMenuTemplate('en', 'darwin', vi.fn());
    expect(template[0]?.label).toBe('Minka');
    expect((template[0]?.submenu as Item[]).map((item) => item.role)).toContain('quit');
    expect((template[1]?.submenu as Item[]).map((item) => item.role)).not.toContain('quit');
  });

  it.each([
    ['Nuevo documento', 'CmdOrCtrl+N', { kind: 'new-document' }],
    ['Nuevo tablero', 'CmdOrCtrl+Shift+N', { kind: 'new-board' }],
    ['Buscar…', 'CmdOrCtrl+K', { kind: 'search' }],
    ['Grupo 1', 'CmdOrCtrl+1', { kind: 'switch-group', index: 1 }],
    ['Grupo 9', 'CmdOrCtrl+9', { kind: 'switch-group', index: 9 }],
    ['PDF…', 'CmdOrCtrl+P', { kind: 'export-document', format: 'pdf' }],
  ])('"%s" (%s) sends %j to the renderer', (label, accelerator, command) => {
    const send = vi.fn();
    const item = flatten(buildMenuTemplate('es-419', 'linux', send)).find(
      (candidate) => candidate.label === label,
    );
    expect(item?.accelerator).toBe(accelerator);
    (item?.click as () => void)();
    expect(send).toHaveBeenCalledWith(command);
  });

  it('gives no two items the same shortcut', () => {
    const accelerators = flatten(buildMenuTemplate('en', 'linux', vi.fn()))
      .map((item) => item.accelerator)
      .filter((accelerator) => accelerator !== undefined);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
