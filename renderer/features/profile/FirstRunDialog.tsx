import { Dialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/model/profile';
import { ProfileForm } from './ProfileForm';

/** Asked once, before anything else: the name and colour of this person's caret. */
export function FirstRunDialog({ onSubmit }: { onSubmit: (profile: Profile) => void }) {
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
          <Dialog.Title className="dialog-title dialog-title-large">{t('profile.welcome')}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t('profile.intro')}</Dialog.Description>
          <ProfileForm initial={null} submitLabel={t('profile.continue')} onSubmit={onSubmit} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
