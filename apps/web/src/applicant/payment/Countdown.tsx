import { useEffect, useState } from 'react';
import { useAppState } from '../app/AppState.tsx';
import { countdown } from '../app/format.ts';
import { useT } from '../app/useT.ts';

/** Time left to pay, on the server's clock, ticking every second. */
export function Countdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useT();
  const { clockOffsetMs } = useAppState();
  const left = () => new Date(expiresAt).getTime() - (Date.now() + clockOffsetMs);
  const [ms, setMs] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => setMs(left()), 1000);
    return () => clearInterval(timer);
  });
  if (ms <= 0)
    return (
      <p className="warning" role="alert">
        {t('pay.expired')}
      </p>
    );
  return (
    <p className="countdown">
      {t('pay.remaining')}:{' '}
      <strong data-testid="pay-countdown" role="timer">
        {countdown(ms)}
      </strong>
    </p>
  );
}
