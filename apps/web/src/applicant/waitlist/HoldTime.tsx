import { useEffect, useState } from 'react';
import { countdownText } from '../../ui/countdown.ts';
import type { Waitlist } from '../api/types.ts';
import { useAppState } from '../app/AppState.tsx';
import { useT } from '../app/useT.ts';
import { wallClock } from './dates.ts';

type Offer = NonNullable<Waitlist['offer']>;

/** How long the seat stays held, on the server's clock (the phone's may be off by minutes). */
export function HoldTime({ offer, onOver }: { offer: Offer; onOver(): void }) {
  const { t, language } = useT();
  const { clockOffsetMs } = useAppState();
  const [, setTick] = useState(0);
  const ms = Date.parse(offer.expiresAt) - (Date.now() + clockOffsetMs);
  const over = ms <= 0;
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    // The hold has ended: ask the server what became of the seat rather than guess.
    if (over) onOver();
  }, [over, onOver]);
  if (over)
    return (
      <p className="warning" role="alert">
        {t('waitlist.offer.over')}
      </p>
    );
  const until = `${wallClock(offer.expiresAt, language, offer.timeZone)} ${offer.timeZoneLabel}`;
  return (
    <p className="countdown" data-testid="waitlist-hold">
      {t('waitlist.offer.heldUntil', { time: until })}
      <br />
      {t('waitlist.offer.left')}: <strong role="timer">{countdownText(ms)}</strong>
    </p>
  );
}
