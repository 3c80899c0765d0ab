import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import type { Application } from '../api/types.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Field } from '../components/Form.tsx';

/** "I have paid but it says unpaid": the server checks the NTPN with SIMPONI and applies it when real. */
export function PaymentClaim({ id, onResult }: { id: string; onResult(application: Application): void }) {
  const { t } = useT();
  const [ntpn, setNtpn] = useState('');
  const claim = useSubmit(async () => {
    onResult(
      await apiJson<Application>(`/applications/${id}/payment-claims`, { method: 'POST', json: { ntpn } }),
    );
  });
  return (
    <details className="card">
      <summary>{t('pay.claim.title')}</summary>
      <form onSubmit={claim.onSubmit}>
        <Field
          label={t('pay.claim.ntpn')}
          value={ntpn}
          maxLength={16}
          pattern="[A-Z0-9]{16}"
          required
          autoCapitalize="characters"
          onChange={(e) => setNtpn(e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''))}
        />
        <ErrorText error={claim.error} />
        <button type="submit" className="secondary" disabled={claim.busy}>
          {t('pay.claim.submit')}
        </button>
      </form>
    </details>
  );
}
