import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import { navigate } from '../app/navigation.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Field, Screen } from '../components/Form.tsx';

/** Two steps on one screen: ask for a code, then give the code with the new password. */
export function ForgotScreen() {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const request = useSubmit(async () => {
    await apiJson('/password-resets', { method: 'POST', json: { email } });
    setSent(true);
  });
  const confirm = useSubmit(async () => {
    await apiJson('/password-resets/confirm', { method: 'POST', json: { email, code, newPassword } });
    sessionStorage.setItem('mpaspor.notice', 'auth.forgot.done');
    navigate({ name: 'login' });
  });
  if (!sent) {
    return (
      <Screen title={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
        <form onSubmit={request.onSubmit}>
          <Field
            label={t('auth.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <ErrorText error={request.error} />
          <button className="primary" type="submit" disabled={request.busy}>
            {t('auth.forgot.send')}
          </button>
        </form>
      </Screen>
    );
  }
  return (
    <Screen title={t('auth.forgot.title')} intro={t('auth.forgot.sent')}>
      <form onSubmit={confirm.onSubmit}>
        <Field
          label={t('auth.verify.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
        <Field
          label={t('auth.forgot.newPassword')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <ErrorText error={confirm.error} />
        <button className="primary" type="submit" disabled={confirm.busy}>
          {t('auth.forgot.submit')}
        </button>
      </form>
    </Screen>
  );
}
