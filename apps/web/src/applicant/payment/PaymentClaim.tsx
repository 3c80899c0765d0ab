import { apiJson } from '../api/client.ts';
import type { Application } from '../api/types.ts';
import { useT } from '../app/useT.ts';
import { NtpnForm } from './NtpnForm.tsx';

/** "I have paid but it says unpaid": the server checks the NTPN with SIMPONI and applies it when real. */
export function PaymentClaim({ id, onResult }: { id: string; onResult(application: Application): void }) {
  const { t } = useT();
  return (
    <details className="card">
      <summary>{t('pay.claim.title')}</summary>
      <NtpnForm
        check={async (ntpn) =>
          onResult(
            await apiJson<Application>(`/applications/${id}/payment-claims`, {
              method: 'POST',
              json: { ntpn },
            }),
          )
        }
      />
    </details>
  );
}
