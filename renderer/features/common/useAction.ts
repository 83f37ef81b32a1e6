/**
 * A write started from a form or a button: the governance and innovation screens all show its
 * refusal as a sentence in the UI language and keep the button off while it runs.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/client';

/** Runs one write; its refusal becomes a sentence to show, and it never runs twice at once. */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (caught) {
        setError(apiErrorText(caught, t));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run, setError };
}
