import { Dialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/model/profile';
import { ProfileForm } from './ProfileForm';

export interface EditProfileDialogProps {
  open: boolean;
  profile: Profile;
  onOpenChange: (open: boolean) => void;
  onSubmit: (profile: Profile) => void;
}

export function EditProfileDialog({ open, profile, onOpenChange, onSubmit }: EditProfileDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog-title">{t('profile.editTitle')}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t('profile.intro')}</Dialog.Description>
          <ProfileForm
            initial={profile}
            submitLabel={t('profile.save')}
            onSubmit={(next) => {
              onSubmit(next);
              onOpenChange(false);
            }}
          >
            <Dialog.Close asChild>
              <button type="button" className="button button-quiet">
                {t('profile.cancel')}
              </button>
            </Dialog.Close>
          </ProfileForm>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
