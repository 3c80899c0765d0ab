import { useT } from './app/useT.ts';
import { Screen } from './components/Form.tsx';

/** The first screen before login: three plain choices. */
export function HomeScreen() {
  const { t } = useT();
  return (
    <Screen title={t('home.title')} intro={t('app.tagline')}>
      <div className="stack">
        <a className="button primary" href="#/login" data-testid="home-login">
          {t('home.login')}
        </a>
        <a className="button secondary" href="#/register" data-testid="home-register">
          {t('home.register')}
        </a>
        <a className="button secondary" href="#/advisor">
          {t('home.advisor')}
        </a>
      </div>
    </Screen>
  );
}
