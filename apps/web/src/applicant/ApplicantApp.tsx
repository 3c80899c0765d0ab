import { Suspense, useEffect } from 'react';
import { setRequestLanguage } from './api/client.ts';
import { useAppState } from './app/AppState.tsx';
import { useRoute } from './app/navigation.ts';
import type { Route } from './app/routes.ts';
import { useT } from './app/useT.ts';
import { HomeScreen } from './HomeScreen.tsx';
import { NotFoundScreen } from './NotFoundScreen.tsx';
import {
  AdvisorScreen,
  ApplicationScreen,
  ApplicationsScreen,
  ApplyScreen,
  ClaimScreen,
  ForgotScreen,
  LoginScreen,
  OfficeScreen,
  PassScreen,
  PaymentScreen,
  RegisterScreen,
  SettingsScreen,
  UploadScreen,
  VerifyScreen,
} from './screens.ts';
import { Shell } from './Shell.tsx';

const publicScreens = new Set<Route['name']>([
  'home',
  'register',
  'verify',
  'login',
  'forgot',
  'advisor',
  'settings',
  'claim',
  'notFound',
]);

/** The applicant PWA: one task per screen, chosen by the hash route. */
export function ApplicantApp() {
  const route = useRoute();
  const { session } = useAppState();
  const { language } = useT();
  setRequestLanguage(language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.getElementById('screen-title')?.focus({ preventScroll: true });
  }, [route, language]);
  // Logged out, a screen that needs an account shows the login; logged in, home is my applications.
  const shown: Route =
    !session && !publicScreens.has(route.name)
      ? { name: 'login' }
      : session && route.name === 'home'
        ? { name: 'applications' }
        : route;
  return (
    <Shell route={shown}>
      <Suspense fallback={<ScreenLoading />}>
        <ScreenFor route={shown} requested={route} />
      </Suspense>
    </Shell>
  );
}

/**
 * Shown while a screen's code arrives. The route's focus move (above) ran before the screen existed, so
 * it is made again when this leaves, i.e. when the screen's heading is in the page.
 */
function ScreenLoading() {
  const { t } = useT();
  useEffect(() => () => document.getElementById('screen-title')?.focus({ preventScroll: true }), []);
  return (
    <p className="screen-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** `requested`: the screen asked for, when the login is shown in its place (back there after it). */
function ScreenFor({ route, requested }: { route: Route; requested: Route }) {
  switch (route.name) {
    case 'notFound':
      return <NotFoundScreen />;
    case 'home':
      return <HomeScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'verify':
      return <VerifyScreen email={route.email} />;
    case 'login':
      return <LoginScreen returnTo={requested.name === 'login' ? null : requested} />;
    case 'forgot':
      return <ForgotScreen />;
    case 'claim':
      return <ClaimScreen link={route.link} />;
    case 'advisor':
      return <AdvisorScreen />;
    case 'apply':
      return <ApplyScreen />;
    case 'applications':
      return <ApplicationsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'application':
      return <ApplicationScreen id={route.id} />;
    case 'upload':
      return <UploadScreen id={route.id} />;
    case 'office':
    case 'reschedule':
      return <OfficeScreen id={route.id} reschedule={route.name === 'reschedule'} />;
    case 'pay':
      return <PaymentScreen id={route.id} />;
    case 'pass':
      return <PassScreen id={route.id} />;
  }
}
