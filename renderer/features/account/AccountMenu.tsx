import { ChevronDown, LogOut } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';

/** Who is signed in (name, organization, email) and the way out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { me, requestSignOut } = useApp();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="profile-trigger"
          aria-label={t('account.menu.trigger', { name: me.user.name })}
        >
          <span className="profile-dot" style={{ background: me.user.colour }} aria-hidden="true" />
          <span className="profile-name">{me.user.name}</span>
          <ChevronDown aria-hidden="true" size={14} />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <div className="menu-identity">
            <strong>{me.user.name}</strong>
            <span>
              {me.organization.name} · {t(`account.kinds.${me.organization.kind}`)}
            </span>
            <span>{me.user.email}</span>
          </div>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={requestSignOut}>
            <LogOut aria-hidden="true" size={15} />
            {t('account.menu.signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
