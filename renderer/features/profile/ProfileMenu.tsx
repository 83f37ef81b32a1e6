import { ChevronDown, User } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { EditProfileDialog } from './EditProfileDialog';

export function ProfileMenu() {
  const { t } = useTranslation();
  const { profile, saveProfile } = useApp();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="profile-trigger" aria-label={t('profile.menu', { name: profile.name })}>
            <span className="profile-dot" style={{ background: profile.colour }} aria-hidden="true" />
            <span className="profile-name">{profile.name}</span>
            <ChevronDown aria-hidden="true" size={14} />
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
            <DropdownMenu.Item className="menu-item" onSelect={() => setEditing(true)}>
              <User aria-hidden="true" size={15} />
              {t('profile.edit')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <EditProfileDialog
        open={editing}
        profile={profile}
        onOpenChange={setEditing}
        onSubmit={(next) => void saveProfile({ ...next, id: profile.id })}
      />
    </>
  );
}
