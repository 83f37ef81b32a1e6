import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../shared/model/workspace';
import type { Route } from '../../app/route';
import { GroupSection } from './GroupSection';

export function GroupsSidebar({ workspace, route }: { workspace: Workspace; route: Route }) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('groups.navLabel')}>
      <p className="sidebar-workspace">{workspace.name}</p>
      {workspace.groups.length === 0 ? (
        <p className="sidebar-empty">{t('groups.none')}</p>
      ) : (
        workspace.groups.map((group) => (
          <GroupSection
            key={group.id}
            group={group}
            activeDocId={route.kind === 'doc' && route.groupId === group.id ? route.docId : null}
          />
        ))
      )}
    </nav>
  );
}
