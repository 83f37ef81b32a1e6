// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DescriptionField,
  shiftCaret,
} from '../../../../renderer/features/boards/DescriptionField';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('the caret in a description someone else is also typing in', () => {
  it('shifts past text inserted or deleted before it, and stays put for edits after it', () => {
    expect(shiftCaret('agua fresca', 'el agua fresca', 4)).toBe(7);
    expect(shiftCaret('el agua fresca', 'agua fresca', 7)).toBe(4);
    expect(shiftCaret('agua', 'agua fresca', 2)).toBe(2);
  });

  it('keeps its place when a remote edit lands before it', () => {
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const render = (value: string) =>
      act(() =>
        root!.render(
          <DescriptionField
            id="d"
            value={value}
            readOnly={false}
            describedBy="h"
            onChange={() => undefined}
          />,
        ),
      );
    render('agua fresca');
    const area = host.querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(4, 4);
    render('Meta: agua fresca');
    expect(area.value).toBe('Meta: agua fresca');
    expect([area.selectionStart, area.selectionEnd]).toEqual([10, 10]);
  });
});
