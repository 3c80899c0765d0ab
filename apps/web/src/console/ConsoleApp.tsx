import { useEffect } from 'react';
import type { OfficerView } from '#shared/contracts/officer.ts';
import { useI18n } from './i18n.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ConsoleShell } from './app/ConsoleShell.tsx';
import { useHashRoute } from './app/useHashRoute.ts';
import { useOfficerSession } from './app/useOfficerSession.ts';
import { homeRoute } from './access.ts';
import { Views } from './app/Views.tsx';
import { Loading } from './components/Loading.tsx';
import { LoginPage } from './login/LoginPage.tsx';

/** The officer console: sign in, then the views the officer's roles open. */
export function ConsoleApp() {
  const { t, language } = useI18n();
  const { session, signIn, signOut } = useOfficerSession();
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('console.title')} — ${t('app.name')}`;
  }, [language, t]);
  if (session.state === 'signedIn') return <SignedIn officer={session.officer} onSignOut={signOut} />;
  return (
    <div className="console">
      <header className="top">
        <h1>{t('console.title')}</h1>
        <LanguageSwitch />
      </header>
      <main>
        {session.state === 'checking' ? (
          <Loading />
        ) : (
          <LoginPage expired={session.expired} onSignedIn={signIn} />
        )}
      </main>
    </div>
  );
}

function SignedIn(props: { officer: OfficerView; onSignOut(): Promise<void> }) {
  const { route, navigate } = useHashRoute(homeRoute(props.officer));
  return (
    <ConsoleShell officer={props.officer} current={route.view} onSignOut={props.onSignOut}>
      <Views officer={props.officer} route={route} navigate={navigate} />
    </ConsoleShell>
  );
}
