import { useState } from 'react';
import { apiJson, type StoredSession } from '../api/client.ts';
import { useAppState } from '../app/AppState.tsx';
import { navigate } from '../app/navigation.ts';
import type { Route } from '../app/routes.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import type { ApplicantMessageKey } from '../../i18n/applicant-messages.ts';
import { ErrorText, Field, Screen } from '../components/Form.tsx';

/** `returnTo`: the screen the person was on when the login took its place (an expired session). */
export function LoginScreen({ returnTo }: { returnTo: Route | null }) {
  const { t } = useT();
  const { signIn, expired } = useAppState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [notice] = useState(() => sessionStorage.getItem('mpaspor.notice') as ApplicantMessageKey | null);
  const submit = useSubmit(async () => {
    const session = await apiJson<StoredSession>('/sessions', { method: 'POST', json: { email, password } });
    sessionStorage.removeItem('mpaspor.notice');
    signIn({ token: session.token, expiresAt: session.expiresAt, account: session.account });
    // Back where they were: the hash still names that screen, so staying on it is enough.
    if (!returnTo) navigate({ name: 'applications' });
  });
  return (
    <Screen title={t('auth.login.title')}>
      {expired && (
        <p className="notice" role="status" data-testid="session-expired">
          {t('auth.login.expired')}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      )}
      <form onSubmit={submit.onSubmit}>
        <Field
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          data-testid="login-email"
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          data-testid="login-password"
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorText error={submit.error} />
        <button className="primary" type="submit" disabled={submit.busy} data-testid="login-submit">
          {t('auth.login.submit')}
        </button>
      </form>
      <p className="links">
        <a href="#/forgot">{t('auth.login.forgot')}</a>
        <a href="#/register">{t('auth.login.noAccount')}</a>
      </p>
    </Screen>
  );
}
