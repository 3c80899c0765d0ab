import { paymentChannelLabels, type PaymentChannel, type PaymentHealth } from '#shared/contracts/payments.ts';
import { apiJson } from '../api/client.ts';
import { useLoad } from '../app/useLoad.ts';
import { useT } from '../app/useT.ts';

/**
 * A payment outage said before anyone queues at a bank for nothing (issue 15): nationwide (SIMPONI or
 * every channel down: the deadline will move), or the channels to avoid. Silent when all is well.
 */
export function PaymentOutage() {
  const { t, language } = useT();
  const health = useLoad('payment-health', () => apiJson<PaymentHealth>('/payment-health')).data;
  if (!health) return null;
  if (health.paymentsFrozenSince) {
    return (
      <p className="notice" role="status" data-testid="payment-outage">
        {t('pay.outage.frozen')}
      </p>
    );
  }
  const channels = health.partnersDown.filter((p): p is PaymentChannel => p !== 'SIMPONI');
  if (channels.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="payment-outage">
      {t('pay.outage.channels')}{' '}
      {channels.map((channel) => paymentChannelLabels[channel][language]).join(', ')}
    </p>
  );
}
