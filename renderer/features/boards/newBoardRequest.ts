/**
 * "Nuevo tablero" from outside the group's sidebar section (the desktop menu, Ctrl+Shift+N):
 * a window event whose detail is the group id; that group's section opens its dialog.
 */
export const NEW_BOARD_EVENT = 'minka:new-board';

export function requestNewBoard(groupId: string): void {
  window.dispatchEvent(new CustomEvent(NEW_BOARD_EVENT, { detail: groupId }));
}
