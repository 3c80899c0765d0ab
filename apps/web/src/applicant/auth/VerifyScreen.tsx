import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import { navigate } from '../app/navigation.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Field, Screen } from '../components/Form.tsx';

/** The 6-digit code from the activation e-mail. */
export function VerifyScreen({ email }: { email: string }) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const submit = useSubmit(async () => {
    await apiJson('/accounts/verify-email', { method: 'POST', json: { email, code } });
    sessionStorage.setItem('mpaspor.notice', 'auth.verify.done');
    navigate({ name: 'login' });
  });
  const resend = useSubmit(async () => {
    await apiJson('/accounts/resend-verification', { method: 'POST', json: { email } });
    setResent(true);
  });
  return (
    <Screen title={t('auth.verify.title')} intro={t('auth.verify.intro', { email })}>
      <form onSubmit={submit.onSubmit}>
        <Field
          label={t('auth.verify.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          required
          value={code}
          data-testid="verify-code"
          className="code-input"
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
        <ErrorText error={submit.error ?? resend.error} />
        <button className="primary" type="submit" disabled={submit.busy} data-testid="verify-submit">
          {t('auth.verify.submit')}
        </button>
      </form>
      <button className="secondary" type="button" disabled={resend.busy} onClick={() => void resend.run()}>
        {t('auth.verify.resend')}
      </button>
      {resent && <p role="status">{t('auth.verify.resent')}</p>}
    </Screen>
  );
}
