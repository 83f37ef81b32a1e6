import { Archive } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../common/ConfirmButton';

export function ArchiveButton({ title, onConfirm }: { title: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      title={t('document.archiveTitle', { title })}
      description={t('document.archiveBody')}
      cancelLabel={t('document.cancel')}
      confirmLabel={t('document.archive')}
      onConfirm={onConfirm}
    >
      <Archive aria-hidden="true" size={15} />
      {t('document.archive')}
    </ConfirmButton>
  );
}
