/**
 * The card description: a plain textarea bound to a Y.Text through setCardDescription (a
 * smallest-diff write). It is left uncontrolled so that when someone else's typing arrives the
 * caret can be read before the text changes and put back where it belongs, instead of jumping
 * to the end as a controlled field's would.
 */
import { useLayoutEffect, useRef } from 'react';

export interface DescriptionFieldProps {
  id: string;
  value: string;
  readOnly: boolean;
  describedBy: string;
  onChange: (text: string) => void;
}

/** Where a caret at `at` in `before` belongs in `after`, given one contiguous edit between them. */
export function shiftCaret(before: string, after: string, at: number): number {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  if (at <= start) return at;
  return Math.max(start, at + after.length - before.length);
}

export function DescriptionField({
  id,
  value,
  readOnly,
  describedBy,
  onChange,
}: DescriptionFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || element.value === value) return;
    const before = element.value;
    const { selectionStart, selectionEnd } = element;
    element.value = value;
    element.setSelectionRange(
      shiftCaret(before, value, selectionStart),
      shiftCaret(before, value, selectionEnd),
    );
  }, [value]);

  return (
    <textarea
      ref={ref}
      id={id}
      className="panel-input panel-description"
      defaultValue={value}
      readOnly={readOnly}
      rows={5}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
