import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/client';

/**
 * One API answer as state: loads on mount and when `key` changes, keeps the last value while
 * reloading, and turns a refusal into the code's sentence in the UI language.
 */
export function useApiValue<T>(load: () => Promise<T>, key: string) {
  const { t } = useTranslation();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((next) => {
        if (!live) return;
        setValue(next);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(apiErrorText(caught, t));
      });
    return () => {
      live = false;
    };
    // `load` is a new closure each render; `key` says when what it loads changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation, t]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { value, error, reload, setValue };
}
