import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import type { Application } from '../api/types.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';

/**
 * Cancelling asks once more: the seat goes back to others and the application cannot continue. Once
 * paid, the question also says the fee is not refunded (issue 16): people must know before, not after.
 */
export function CancelButton({
  id,
  status,
  billingCode,
  onDone,
}: {
  id: string;
  status: Application['status'];
  /** While it waits for payment: the code that must then not be paid (it is voided at SIMPONI). */
  billingCode?: string | undefined;
  onDone(application: Application): void;
}) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const cancel = useSubmit(async () => {
    onDone(await apiJson<Application>(`/applications/${id}/cancel`, { method: 'POST' }));
    setAsking(false);
  });
  if (!asking)
    return (
      <button type="button" className="danger" data-testid="cancel" onClick={() => setAsking(true)}>
        {t('apps.cancel')}
      </button>
    );
  return (
    <div
      className="card"
      role="alertdialog"
      aria-labelledby="cancel-question"
      {...(status === 'PAID' ? { 'aria-describedby': 'cancel-no-refund' } : {})}
    >
      <p id="cancel-question">{t('apps.cancelConfirm')}</p>
      {status === 'AWAITING_PAYMENT' && billingCode && (
        <p className="warning" data-testid="cancel-do-not-pay">
          {t('apps.cancelDoNotPay', { code: billingCode })}
        </p>
      )}
      {status === 'PAID' && (
        <p className="warning" id="cancel-no-refund" data-testid="cancel-no-refund">
          {t('apps.cancelNoRefund')}
        </p>
      )}
      <ErrorText error={cancel.error} />
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={cancel.busy}
          data-testid="cancel-confirm"
          onClick={() => void cancel.run()}
        >
          {t('apps.cancelYes')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('common.back')}
        </button>
      </div>
    </div>
  );
}
