/**
 * One line of text and its button, as the program's screens ask for a question, an answer, an
 * evaluator's email or a conflict note: the label is read by screen readers and shown as the
 * placeholder. The caller keeps the value and runs the action.
 */
export function InlineTextForm({
  label,
  submitLabel,
  value,
  onChange,
  onSubmit,
  type,
  busy = false,
  danger = false,
}: {
  label: string;
  submitLabel: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  type?: 'email';
  /** The button is off while the action runs. */
  busy?: boolean;
  /** The button of an action that cannot be taken back. */
  danger?: boolean;
}) {
  return (
    <form
      className="innovation-inline"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={label}
          required
        />
      </label>
      <button type="submit" className={danger ? 'button button-danger' : 'button'} disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
