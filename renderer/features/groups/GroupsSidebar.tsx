import { Building2, Compass, Gavel, Lightbulb } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import {
  GROUP_DIRECTORY_HREF,
  ORGANIZATIONS_HREF,
  innovationHref,
  routeHref,
  type Route,
} from '../../app/route';
import { GroupSection } from './GroupSection';

/** "Mis grupos": only the groups the person is a member of, each with their role. */
export function GroupsSidebar({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { me } = useApp();
  const groups = [...me.memberships].sort((a, b) => a.group.name.localeCompare(b.group.name, 'es'));
  return (
    <nav className="sidebar" aria-label={t('groups.navLabel')}>
      <h1 className="sidebar-heading">{t('groups.navLabel')}</h1>
      {groups.length === 0 ? (
        <p className="sidebar-empty">{t('groups.none')}</p>
      ) : (
        groups.map(({ group, role }) => (
          <GroupSection
            key={group.id}
            group={group}
            role={role}
            activeDocId={route.kind === 'doc' && route.groupId === group.id ? route.docId : null}
            membersActive={route.kind === 'members' && route.groupId === group.id}
            governanceActive={governanceScreen(route, group.id)}
          />
        ))
      )}
      <ul className="sidebar-links">
        <li>
          <a
            className="doc-link"
            href={routeHref({ kind: 'register', groupId: null })}
            aria-current={route.kind === 'register' && route.groupId === null ? 'page' : undefined}
          >
            <Gavel aria-hidden="true" size={15} />
            <span>{t('governance.clusterLink')}</span>
          </a>
        </li>
        <li>
          <a
            className="doc-link"
            href={GROUP_DIRECTORY_HREF}
            aria-current={route.kind === 'groupDirectory' ? 'page' : undefined}
          >
            <Compass aria-hidden="true" size={15} />
            <span>{t('directory.link')}</span>
          </a>
        </li>
        <li>
          <a
            className="doc-link"
            href={ORGANIZATIONS_HREF}
            aria-current={route.kind === 'organizations' ? 'page' : undefined}
          >
            <Building2 aria-hidden="true" size={15} />
            <span>{t('directory.orgLink')}</span>
          </a>
        </li>
        <li>
          <a
            className="doc-link"
            href={innovationHref()}
            aria-current={route.kind === 'innovation' ? 'page' : undefined}
          >
            <Lightbulb aria-hidden="true" size={15} />
            <span>{t('innovation.link')}</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}

function governanceScreen(
  route: Route,
  groupId: string,
): 'register' | 'regulations' | 'missions' | null {
  if (!('groupId' in route) || route.groupId !== groupId) return null;
  if (route.kind === 'register' || route.kind === 'meeting') return 'register';
  if (route.kind === 'regulations' || route.kind === 'article') return 'regulations';
  if (route.kind === 'missions') return 'missions';
  return null;
}
