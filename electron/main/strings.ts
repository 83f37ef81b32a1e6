/**
 * The few sentences main shows itself (menu, quit dialog, save dialog), in the renderer's two
 * languages. Main starts in the OS language and follows the renderer's choice once it is told
 * (IpcChannel.setLanguage); the renderer's locale files stay the source for everything else.
 */
import type { SaveFormat, UiLanguage } from '../../shared/ipc/events';

export function languageFromLocale(locale: string): UiLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'es-419';
}

const MENU = {
  'es-419': {
    file: 'Archivo',
    newDocument: 'Nuevo documento',
    newBoard: 'Nuevo tablero',
    export: 'Exportar documento',
    exportPdf: 'PDF…',
    exportHtml: 'HTML…',
    exportMarkdown: 'Markdown…',
    quit: 'Salir',
    edit: 'Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    search: 'Buscar…',
    view: 'Ver',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fullScreen: 'Pantalla completa',
    go: 'Ir',
    group: 'Grupo',
    window: 'Ventana',
    minimize: 'Minimizar',
    close: 'Cerrar ventana',
    about: 'Acerca de Minka',
    hide: 'Ocultar Minka',
    hideOthers: 'Ocultar otros',
    unhide: 'Mostrar todo',
  },
  en: {
    file: 'File',
    newDocument: 'New document',
    newBoard: 'New board',
    export: 'Export document',
    exportPdf: 'PDF…',
    exportHtml: 'HTML…',
    exportMarkdown: 'Markdown…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    search: 'Search…',
    view: 'View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    go: 'Go',
    group: 'Group',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close window',
    about: 'About Minka',
    hide: 'Hide Minka',
    hideOthers: 'Hide others',
    unhide: 'Show all',
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type MenuLabels = (typeof MENU)[UiLanguage];

export function menuLabels(language: UiLanguage): MenuLabels {
  return MENU[language];
}

export interface QuitDialogText {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly quit: string;
  readonly wait: string;
}

export function quitDialogText(language: UiLanguage, pending: number): QuitDialogText {
  if (language === 'en') {
    return {
      title: 'Minka',
      message:
        pending === 1
          ? 'There is 1 change saved only on this computer.'
          : `There are ${pending} changes saved only on this computer.`,
      detail:
        'They are safe here and will be sent to the server when it is reachable again. ' +
        'If you quit now, they will be sent the next time you open Minka with a connection.',
      quit: 'Quit anyway',
      wait: 'Wait',
    };
  }
  return {
    title: 'Minka',
    message:
      pending === 1
        ? 'Hay 1 cambio guardado solo en este equipo.'
        : `Hay ${pending} cambios guardados solo en este equipo.`,
    detail:
      'Están a salvo y se enviarán al servidor cuando vuelva a estar disponible. ' +
      'Si sale ahora, se enviarán la próxima vez que abra Minka con conexión.',
    quit: 'Salir de todos modos',
    wait: 'Esperar',
  };
}

const FORMAT_NAMES: Readonly<Record<SaveFormat, string>> = {
  pdf: 'PDF',
  html: 'HTML',
  markdown: 'Markdown',
  changes: 'JSON',
};

export function exportDialogText(
  language: UiLanguage,
  format: SaveFormat,
): { title: string; filter: string } {
  const name = FORMAT_NAMES[format];
  if (format === 'changes') {
    return language === 'en'
      ? { title: 'Export pending changes', filter: 'Minka changes (JSON)' }
      : { title: 'Exportar cambios pendientes', filter: 'Cambios de Minka (JSON)' };
  }
  return language === 'en'
    ? { title: `Export as ${name}`, filter: `${name} document` }
    : { title: `Exportar como ${name}`, filter: `Documento ${name}` };
}
