import type { ReactNode } from 'react';
import { useAppState } from './app/AppState.tsx';
import { useOnline } from './app/offline.ts';
import { useServiceWorkerUpdate } from './app/serviceWorker.ts';
import { useT } from './app/useT.ts';
import type { Route } from './app/routes.ts';

/** Header with the language switch, the offline and update notices, the screen, and the bottom menu. */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, language, setLanguage } = useT();
  const { session } = useAppState();
  const online = useOnline();
  const update = useServiceWorkerUpdate();
  const tabs = session
    ? ([
        ['applications', '#/applications', 'nav.applications'],
        ['advisor', '#/advisor', 'nav.advisor'],
        ['settings', '#/settings', 'nav.settings'],
      ] as const)
    : ([
        ['home', '#/', 'nav.home'],
        ['advisor', '#/advisor', 'nav.advisor'],
        ['settings', '#/settings', 'nav.settings'],
      ] as const);
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        <button
          type="button"
          className="language-switch"
          lang={language === 'id' ? 'en' : 'id'}
          data-testid="language-switch"
          onClick={() => setLanguage(language === 'id' ? 'en' : 'id')}
        >
          {t('language.switch')}
        </button>
      </header>
      {!online && (
        <p className="offline" role="status">
          {t('offline.short')}
        </p>
      )}
      {update.waiting && (
        <div className="update" role="alert">
          <span>{t('update.available')}</span>
          <button type="button" className="secondary" onClick={update.apply} data-testid="update-reload">
            {t('update.reload')}
          </button>
        </div>
      )}
      <main>{children}</main>
      <nav className="tabs" aria-label={t('nav.label')}>
        {tabs.map(([name, href, label]) => (
          <a key={name} href={href} aria-current={route.name === name ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
    </>
  );
}
