import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useCallback, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { checkInBody } from '../checkIn.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useQrSupport } from './barcode.ts';
import { QrScanner } from './QrScanner.tsx';

/** The arrival desk: type the arrival code or application number, or scan the applicant's QR code. */
export function CheckInPanel(props: { onCheckedIn(id: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const qrSupported = useQrSupport();
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { onCheckedIn } = props;

  const checkIn = useCallback(
    async (value: string) => {
      const body = checkInBody(value);
      if (!body) return;
      setBusy(true);
      setError(null);
      try {
        const application = await api.send<OfficerApplicationView>('POST', '/check-ins', body);
        if (application) onCheckedIn(application.id);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [api, onCheckedIn],
  );

  const scanned = useCallback(
    (value: string) => {
      setScanning(false);
      setText(value);
      void checkIn(value);
    },
    [checkIn],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void checkIn(text);
  }

  return (
    <section className="card checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('console.checkIn.title')}</h2>
      <form onSubmit={submit}>
        <label className="field">
          <span>{t('console.checkIn.code')}</span>
          <input
            name="arrivalCode"
            autoComplete="off"
            spellCheck={false}
            required
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="checkin-hint"
            data-testid="checkin-input"
          />
          <small id="checkin-hint">{t('console.checkIn.hint')}</small>
        </label>
        <ErrorAlert error={error} testId="checkin-error" />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="checkin-submit">
            {t('console.checkIn.submit')}
          </button>
          {qrSupported && !scanning ? (
            <button type="button" onClick={() => setScanning(true)} data-testid="checkin-scan">
              {t('console.checkIn.scan')}
            </button>
          ) : null}
        </div>
      </form>
      {scanning ? <QrScanner onResult={scanned} onCancel={() => setScanning(false)} /> : null}
    </section>
  );
}
