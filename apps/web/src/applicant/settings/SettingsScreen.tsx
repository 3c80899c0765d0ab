import { languages } from '#shared/i18n.ts';
import { useAppState } from '../app/AppState.tsx';
import { navigate } from '../app/navigation.ts';
import { useT } from '../app/useT.ts';
import { Choice, Screen } from '../components/Form.tsx';

const languageNames = { id: 'Bahasa Indonesia', en: 'English' } as const;

export function SettingsScreen() {
  const { t, language, setLanguage } = useT();
  const { session, signOut } = useAppState();
  return (
    <Screen title={t('settings.title')}>
      <Choice
        legend={t('settings.language')}
        name="language"
        value={language}
        testId="language"
        options={languages.map((code) => ({ value: code, label: languageNames[code] }))}
        onChange={setLanguage}
      />
      {session && (
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">{t('settings.account')}</h2>
          <p>
            {session.account.fullName}
            <br />
            {session.account.email}
          </p>
          <button
            type="button"
            className="danger"
            data-testid="logout"
            onClick={() => void signOut().then(() => navigate({ name: 'home' }))}
          >
            {t('settings.logout')}
          </button>
        </section>
      )}
    </Screen>
  );
}
