import { useTranslation } from 'react-i18next';
import { AccountMenu } from '../features/account/AccountMenu';
import { AcceptInvitationScreen } from '../features/account/AcceptInvitationScreen';
import { NoAccess } from '../features/account/NoAccess';
import { ReadOnlyNotice } from '../features/account/ReadOnlyNotice';
import { SessionExpiredBanner } from '../features/account/SessionExpired';
import type { Auth } from '../features/account/useAuth';
import { DocumentView } from '../features/documents/DocumentView';
import { GroupDirectory } from '../features/groups/GroupDirectory';
import { GroupsSidebar } from '../features/groups/GroupsSidebar';
import { MembersPanel } from '../features/members/MembersPanel';
import { OrganizationDirectory } from '../features/members/OrganizationDirectory';
import { LanguageSelect } from '../features/profile/LanguageSelect';
import { AppSyncIndicator } from '../features/sync/AppSyncIndicator';
import { SearchLauncher } from '../features/search/SearchLauncher';
import { ShortcutHelp } from '../features/help/ShortcutHelp';
import { HomeView } from '../features/home/HomeView';
import { useRecordRecent } from '../features/home/recents';
import { ActivityPanel } from '../features/activity/ActivityPanel';
import { BoardPage } from '../features/boards/BoardPage';
import { ArticlePage } from '../features/governance/ArticlePage';
import { MeetingPage } from '../features/governance/MeetingPage';
import { MissionsPage } from '../features/governance/MissionsPage';
import { RegisterPage } from '../features/governance/RegisterPage';
import { RegulationsPage } from '../features/governance/RegulationsPage';
import { InnovationPage } from '../features/innovation/InnovationPage';
import { canEditContent, canManageMembers, useApp } from './AppContext';
import { HOME_HREF, useRoute, type Route } from './route';
import { useDesktopIntegration } from './useDesktopIntegration';

export function AppShell({ auth }: { auth: Auth }) {
  const { t } = useTranslation();
  const { settings, me } = useApp();
  const route = useRoute();
  useDesktopIntegration();
  useRecordRecent(me.user.id, route);
  const expired = auth.state.kind === 'signedIn' && auth.state.expired;

  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {me.workspace !== null && <span className="header-workspace">{me.workspace.name}</span>}
        <SearchLauncher />
        <ShortcutHelp />
        <div className="header-spacer" />
        <AppSyncIndicator />
        <ActivityPanel />
        <LanguageSelect onChange={(language) => void settings.setLanguage(language)} />
        <AccountMenu />
      </header>
      <GroupsSidebar route={route} />
      <main id="content" className="app-main" tabIndex={-1}>
        {expired && <SessionExpiredBanner auth={auth} />}
        <RouteView route={route} auth={auth} />
      </main>
    </div>
  );
}

function RouteView({ route, auth }: { route: Route; auth: Auth }) {
  const { t } = useTranslation();
  const { roleIn, isAdmin, me } = useApp();
  switch (route.kind) {
    case 'board':
      return <BoardPage route={route} />;
    case 'doc': {
      const role = roleIn(route.groupId);
      if (role === null) return <NoAccess />;
      const editable = canEditContent(role);
      return (
        <>
          {!editable && <ReadOnlyNotice reason={role === 'commenter' ? 'commenter' : 'viewer'} />}
          <DocumentView
            key={`${route.groupId}/${route.docId}`}
            groupId={route.groupId}
            docId={route.docId}
            editable={editable}
            canComment={role !== 'viewer'}
          />
        </>
      );
    }
    case 'members': {
      const role = roleIn(route.groupId);
      if (role === null && !isAdmin) return <NoAccess />;
      return (
        <MembersPanel
          key={route.groupId}
          groupId={route.groupId}
          canManage={canManageMembers(role, isAdmin)}
        />
      );
    }
    case 'register':
      if (route.groupId !== null && roleIn(route.groupId) === null) return <NoAccess />;
      return <RegisterPage key={route.groupId ?? 'cluster'} groupId={route.groupId} />;
    case 'meeting':
      if (roleIn(route.groupId) === null) return <NoAccess />;
      return (
        <MeetingPage key={route.meetingId} groupId={route.groupId} meetingId={route.meetingId} />
      );
    case 'regulations':
      if (roleIn(route.groupId) === null) return <NoAccess />;
      return <RegulationsPage key={route.groupId} groupId={route.groupId} />;
    case 'article':
      if (roleIn(route.groupId) === null) return <NoAccess />;
      return (
        <ArticlePage key={route.articleId} groupId={route.groupId} articleId={route.articleId} />
      );
    case 'missions':
      if (roleIn(route.groupId) === null) return <NoAccess />;
      return (
        <MissionsPage
          key={`${route.groupId}/${route.missionId}`}
          groupId={route.groupId}
          missionId={route.missionId}
        />
      );
    case 'groupDirectory':
      return <GroupDirectory />;
    case 'innovation':
      return <InnovationPage section={route.section} />;
    case 'organizations':
      return <OrganizationDirectory />;
    case 'invitation':
      return (
        <AcceptInvitationScreen
          serverUrl={auth.serverUrl}
          code={route.code}
          signedInEmail={me.user.email}
          onSignedIn={(login) => auth.completeSignIn(auth.serverUrl, login)}
          embedded
        />
      );
    case 'notFound':
      return (
        <section className="empty-state">
          <h1>{t('route.notFoundTitle')}</h1>
          <p>{t('route.notFoundBody')}</p>
          <a className="button" href={HOME_HREF}>
            {t('route.goHome')}
          </a>
        </section>
      );
    case 'home':
      return <HomeView />;
  }
}
