import { useState } from 'react';
import type { LinkedPaymentClaimResult } from '#shared/contracts/payments.ts';
import { apiJson } from '../api/client.ts';
import { StatusBadge } from '../applications/StatusBadge.tsx';
import { useT } from '../app/useT.ts';
import { Screen } from '../components/Form.tsx';
import { NtpnForm } from './NtpnForm.tsx';

/**
 * "I have paid but it still says unpaid", opened from the link in the billing or expiry e-mail: no
 * login, the link names the application (issue 15). The answer is the application's number and status.
 */
export function ClaimScreen({ link }: { link: string }) {
  const { t } = useT();
  const [result, setResult] = useState<LinkedPaymentClaimResult | null>(null);
  return (
    <Screen title={t('pay.claim.title')} intro={t('pay.claim.linkIntro')}>
      {result ? (
        <section className="card" role="status" data-testid="claim-result">
          <p>
            {t('pay.claim.application')} <strong>{result.applicationNumber}</strong>
          </p>
          <StatusBadge status={result.status} />
          {result.status === 'PAID' ? <p>{t('pay.paid')}</p> : null}
          <a href="#/login">{t('pay.claim.openApp')}</a>
        </section>
      ) : (
        <NtpnForm
          className="card"
          primary
          check={async (ntpn) =>
            setResult(
              await apiJson<LinkedPaymentClaimResult>('/payment-claims', {
                method: 'POST',
                json: { link, ntpn },
              }),
            )
          }
        />
      )}
    </Screen>
  );
}
