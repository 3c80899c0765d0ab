import { useEffect } from 'react';
import { ApiError } from '../api/client.ts';
import { routeHash } from '../app/routes.ts';
import { useLoad } from '../app/useLoad.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';
import { readWaitlist } from './api.ts';
import { SeatOffer } from './SeatOffer.tsx';
import { WaitingEntry } from './WaitingEntry.tsx';

/** Often enough that an offer (held 30 minutes) shows within seconds, rarely enough for a phone's data. */
const REFRESH_MS = 15_000;

/** A draft's place on the waitlist of freed seats; nothing when it never joined. */
export function WaitlistSection({ applicationId }: { applicationId: string }) {
  const { t } = useT();
  const waitlist = useLoad(`waitlist:${applicationId}`, () => readWaitlist(applicationId));
  const { reload } = waitlist;
  const entry = waitlist.data;
  // Offline, the app's banner says so once; a second "unreachable" here would only repeat it.
  const error = waitlist.error instanceof ApiError && waitlist.error.status === 0 ? null : waitlist.error;
  const live = entry?.status === 'WAITING' || entry?.status === 'OFFERED';
  useEffect(() => {
    // A seat is offered when someone else cancels: the screen shows it without a tap.
    if (!live) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, reload]);
  if (!entry || entry.status === 'BOOKED') return <ErrorText error={error} />;
  // OFFERED without an offer reads as LAPSED: the hold ran out and the seat is on its way to the next.
  const ending = entry.status === 'DECLINED' || entry.status === 'LEFT' ? entry.status : 'LAPSED';
  return (
    <section
      className="card"
      aria-labelledby="waitlist-title"
      data-testid="waitlist"
      data-status={entry.status}
    >
      <h2 id="waitlist-title">{t('waitlist.title')}</h2>
      {entry.offer ? (
        <SeatOffer applicationId={applicationId} offer={entry.offer} onChange={reload} />
      ) : entry.status === 'WAITING' ? (
        <WaitingEntry applicationId={applicationId} entry={entry} onChange={reload} />
      ) : (
        <>
          <p>{t(`waitlist.ended.${ending}`)}</p>
          <a className="button secondary" href={routeHash({ name: 'office', id: applicationId })}>
            {t('waitlist.again')}
          </a>
        </>
      )}
      <ErrorText error={error} />
    </section>
  );
}
