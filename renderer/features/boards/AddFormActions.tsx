import { useTranslation } from 'react-i18next';

/** The "Añadir" / "Cancelar" pair under the board's inline add forms (card, column). */
export function AddFormActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="add-card-actions">
      <button type="submit" className="button button-primary">
        {t('boards.column.add')}
      </button>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        {t('boards.cancel')}
      </button>
    </div>
  );
}
