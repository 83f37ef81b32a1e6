import { Dialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/model/profile';
import { LanguageSelect } from './LanguageSelect';
import { ProfileForm } from './ProfileForm';

/** Asked once, before anything else: the name and colour of this person's caret. */
export interface FirstRunDialogProps {
  onSubmit: (profile: Profile) => void;
  onLanguageChange: (language: string) => void;
}

export function FirstRunDialog({ onSubmit, onLanguageChange }: FirstRunDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay dialog-overlay-solid" />
        <Dialog.Content
          className="dialog"
          onEscapeKeyDown={(event) => event.preventDefault()}
          onPointerDownOutside={(event) => event.preventDefault()}
          onInteractOutside={(event) => event.preventDefault()}
        >
          <div className="dialog-heading-row">
            <Dialog.Title className="dialog-title dialog-title-large">{t('profile.welcome')}</Dialog.Title>
            <LanguageSelect onChange={onLanguageChange} />
          </div>
          <Dialog.Description className="dialog-description">{t('profile.intro')}</Dialog.Description>
          <ProfileForm initial={null} submitLabel={t('profile.continue')} onSubmit={onSubmit} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
