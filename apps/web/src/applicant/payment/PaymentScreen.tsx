import { useEffect, useState } from 'react';
import { useAppState } from '../app/AppState.tsx';
import { dateTime, rupiah } from '../app/format.ts';
import { useT } from '../app/useT.ts';
import { useApplication } from '../applications/useApplication.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { StatusBadge } from '../applications/StatusBadge.tsx';
import { Channels } from './Channels.tsx';
import { Countdown } from './Countdown.tsx';
import { PaymentClaim } from './PaymentClaim.tsx';
import { PaymentOutage } from './PaymentOutage.tsx';

const POLL_MS = 5_000;

export function PaymentScreen({ id }: { id: string }) {
  const { t, language } = useT();
  const { simulation } = useAppState();
  const application = useApplication(id);
  const [copied, setCopied] = useState(false);
  const app = application.data;
  const billing = app?.billing;
  const waiting = app?.status === 'AWAITING_PAYMENT';
  const { reload } = application;
  useEffect(() => {
    if (!waiting) return;
    // The payment arrives by webhook from SIMPONI; the screen follows without a tap.
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  const copy = async () => {
    await navigator.clipboard?.writeText(billing?.code ?? '').catch(() => undefined);
    setCopied(true);
  };
  return (
    <Screen title={t('pay.title')}>
      <ErrorText error={application.error} />
      {app && <StatusBadge status={app.status} />}
      {billing && (
        <section className="card billing" aria-labelledby="billing-title">
          <h2 id="billing-title">{t('pay.billingCode')}</h2>
          <p className="billing-code" data-testid="billing-code">
            {billing.code.replace(/(\d{5})(?=\d)/g, '$1 ')}
          </p>
          <button type="button" className="secondary" onClick={() => void copy()}>
            {t('pay.copy')}
          </button>
          {copied && <p role="status">{t('pay.copied')}</p>}
          <dl>
            <dt>{t('pay.amount')}</dt>
            <dd className="amount">{rupiah(billing.amount, language)}</dd>
            <dt>{t('pay.deadline')}</dt>
            <dd>{dateTime(billing.expiresAt, language)} WIB</dd>
          </dl>
          {waiting && <Countdown expiresAt={billing.expiresAt} />}
        </section>
      )}
      {app?.status === 'PAID' && (
        <p className="notice" role="status">
          {t('pay.paid')} <a href={`#/applications/${id}/pass`}>{t('apps.pass')}</a>
        </p>
      )}
      {waiting && billing && (
        <>
          <PaymentOutage />
          {simulation && (
            <p className="card">
              <a
                className="button primary"
                href={`/sim/simponi/pay?code=${billing.code}`}
                data-testid="pay-simulated"
              >
                {t('pay.simulate')}
              </a>
              <small>{t('pay.simulationNote')}</small>
            </p>
          )}
          <Channels />
          <button type="button" className="secondary" onClick={reload}>
            {t('pay.refresh')}
          </button>
          <PaymentClaim id={id} onResult={application.setData} />
        </>
      )}
    </Screen>
  );
}
