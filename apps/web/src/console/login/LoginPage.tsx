import type { OfficerView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { ApiError } from '../api.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

interface SessionAnswer {
  token: string;
  officer: OfficerView;
}

/** Username and password; the authenticator code is asked for only when the server wants it. */
export function LoginPage(props: {
  expired: boolean;
  onSignedIn(token: string, officer: OfficerView): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [totpRequired, setTotpRequired] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { username, password, ...(totpRequired && totp ? { totp } : {}) };
      const answer = await api.send<SessionAnswer>('POST', '/sessions', body);
      if (answer) props.onSignedIn(answer.token, answer.officer);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'TOTP_REQUIRED') setTotpRequired(true);
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card login" aria-labelledby="login-title">
      <h2 id="login-title">{t('console.login.title')}</h2>
      {props.expired ? (
        <p className="notice" role="status">
          {t('console.login.expired')}
        </p>
      ) : null}
      <form onSubmit={submit} data-testid="login-form">
        <label className="field">
          <span>{t('console.login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="login-username"
          />
        </label>
        <label className="field">
          <span>{t('console.login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        {totpRequired ? (
          <label className="field">
            <span>{t('console.login.totp')}</span>
            <input
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              autoFocus
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              aria-describedby="totp-hint"
              data-testid="login-totp"
            />
            <small id="totp-hint">{t('console.login.totpHint')}</small>
          </label>
        ) : null}
        <ErrorAlert error={error} testId="login-error" />
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {t('console.login.submit')}
        </button>
      </form>
    </section>
  );
}
