import { useTranslation } from 'react-i18next';
import { DocumentView } from '../features/documents/DocumentView';
import { GroupsSidebar } from '../features/groups/GroupsSidebar';
import { LanguageSelect } from '../features/profile/LanguageSelect';
import { ProfileMenu } from '../features/profile/ProfileMenu';
import { AppSyncIndicator } from '../features/sync/AppSyncIndicator';
import type { WorkspaceDexie } from '../storage/workspaceDb';
import { useApp } from './AppContext';
import { useRoute } from './route';
import { ServerUnreachable } from './ServerUnreachable';
import { useWorkspace } from './useWorkspace';

export function AppShell({ db }: { db: WorkspaceDexie }) {
  const { t } = useTranslation();
  const { serverUrl, settings } = useApp();
  const { state, retry } = useWorkspace(serverUrl, db);
  const route = useRoute();

  return (
    <div className={state.kind === 'ready' ? 'app' : 'app app-no-sidebar'}>
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <div className="header-spacer" />
        <AppSyncIndicator />
        <LanguageSelect onChange={(language) => void settings.setLanguage(language)} />
        <ProfileMenu />
      </header>
      {state.kind === 'ready' && <GroupsSidebar workspace={state.workspace} route={route} />}
      <main id="content" className="app-main" tabIndex={-1}>
        {state.kind === 'loading' && <p className="view-note">{t('app.loading')}</p>}
        {state.kind === 'unreachable' && <ServerUnreachable url={serverUrl} code={state.code} onRetry={retry} />}
        {state.kind === 'ready' &&
          (route.kind === 'doc' ? (
            <DocumentView key={`${route.groupId}/${route.docId}`} groupId={route.groupId} docId={route.docId} />
          ) : (
            <section className="empty-state">
              <h1>{t('document.homeTitle')}</h1>
              <p>{t('document.homeBody')}</p>
            </section>
          ))}
      </main>
    </div>
  );
}
