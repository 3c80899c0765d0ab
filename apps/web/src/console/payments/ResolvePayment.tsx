import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import type { ApiError } from '../api.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** Records what the office did about one flagged payment; it then leaves the list. */
export function ResolvePayment(props: { paymentId: string; onResolved(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [resolution, setResolution] = useState<'REFUND' | 'SETTLED'>('REFUND');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.send('POST', `/payments/${encodeURIComponent(props.paymentId)}/resolution`, {
        resolution,
        note,
      });
      props.onResolved();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="resolve-payment" onSubmit={(e) => void submit(e)} onClick={(e) => e.stopPropagation()}>
      <label>
        {t('console.payments.resolution')}
        <select
          value={resolution}
          onChange={(e) => setResolution(e.target.value as 'REFUND' | 'SETTLED')}
          data-testid="payment-resolution"
        >
          <option value="REFUND">{t('console.payments.refund')}</option>
          <option value="SETTLED">{t('console.payments.settled')}</option>
        </select>
      </label>
      <label>
        {t('console.payments.note')}
        <input required value={note} onChange={(e) => setNote(e.target.value)} data-testid="payment-note" />
      </label>
      <button type="submit" disabled={busy || note.trim() === ''} data-testid="payment-resolve">
        {t('console.payments.resolve')}
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}
