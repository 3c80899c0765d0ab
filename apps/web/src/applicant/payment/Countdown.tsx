import { useEffect, useState } from 'react';
import { useAppState } from '../app/AppState.tsx';
import { countdown } from '../app/format.ts';
import { useT } from '../app/useT.ts';

/** Time left to pay, on the server's clock, ticking every second. */
export function Countdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useT();
  const { clockOffsetMs } = useAppState();
  // Computed on every render, so a clock offset learnt after the first render counts at once (a stale
  // value would flash "expired" when the phone's clock differs from the server's).
  const ms = new Date(expiresAt).getTime() - (Date.now() + clockOffsetMs);
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, []);
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
