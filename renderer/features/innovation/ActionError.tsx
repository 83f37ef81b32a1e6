import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/client';

/** The error sentence of a failed action, announced to screen readers. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return (
    <p role="alert" className="form-error">
      {apiErrorText(error, t)}
    </p>
  );
}
