import '@fontsource-variable/inter';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { offerUpdate, UpdateNotice } from './features/update/UpdateNotice';
import { DEFAULT_LANGUAGE, initI18n, isLanguage } from './i18n';
import { getServerUrl } from './platform/serverUrl';
import { initTheme } from './features/theme/theme';
import { registerServiceWorker } from './platform/serviceWorker';
import { SettingsStore } from './storage/SettingsStore';

async function start() {
  initTheme();
  const settings = new SettingsStore();
  const stored = await settings.getLanguage().catch(() => null);
  await initI18n(isLanguage(stored) ? stored : DEFAULT_LANGUAGE);
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App serverUrl={getServerUrl()} settings={settings} />
      <UpdateNotice />
    </StrictMode>,
  );
}

void start();
registerServiceWorker(offerUpdate);
