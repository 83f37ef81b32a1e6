// @vitest-environment happy-dom
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NewBoardDialog } from '../../../../../renderer/features/boards/NewBoardDialog';
import { NewDocumentDialog } from '../../../../../renderer/features/documents/NewDocumentDialog';
import { resources } from '../../../../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources, lng: 'es-419', fallbackLng: 'es-419' });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function render(element: React.ReactElement) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element));
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')!;
const button = (name: string) =>
  [...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const radio = (name: string) =>
  [...dialog().querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) =>
    input.closest('label')?.textContent?.includes(name),
  )!;

describe('the dialogs that create a board or a document', () => {
  it('a board needs a name: the error is announced and nothing is created', () => {
    const onCreate = vi.fn();
    render(
      <NewBoardDialog open groupName="Agua" onOpenChange={() => undefined} onCreate={onCreate} />,
    );
    expect(dialog().textContent).toContain('Agua');
    act(() => button('Crear tablero').click());
    expect(onCreate).not.toHaveBeenCalled();
    expect(dialog().querySelector('[role="alert"]')?.textContent).toBeTruthy();
  });

  it('a board is created with its trimmed name and the template chosen', () => {
    const onCreate = vi.fn();
    render(
      <NewBoardDialog open groupName="Agua" onOpenChange={() => undefined} onCreate={onCreate} />,
    );
    const name = dialog().querySelector<HTMLInputElement>('input:not([type])')!;
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(name, '  Seguimiento  ');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const radios = dialog().querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const last = radios[radios.length - 1]!;
    act(() => last.click());
    act(() => button('Crear tablero').click());
    expect(onCreate).toHaveBeenCalledWith('Seguimiento', last.value);
  });

  it('a document starts from the template chosen; closing with Cancelar creates nothing', () => {
    const onCreate = vi.fn();
    const onOpenChange = vi.fn();
    render(
      <NewDocumentDialog open groupName="Agua" onOpenChange={onOpenChange} onCreate={onCreate} />,
    );
    act(() => radio('Acta').click());
    act(() => button('Crear documento').click());
    expect(onCreate).toHaveBeenCalledWith({ kind: 'template', templateId: radio('Acta').value });
    act(() => button('Cancelar').click());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });
});
