import type { OfficerReleases } from '#shared/contracts/officer-releases.ts';
import { useEffect, useRef, useState } from 'react';
import { countdownText } from '../../ui/countdown.ts';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { Definitions } from '../components/Definitions.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { formatInstant } from '../format.ts';
import { REFRESH_MS, serverOffsetMs } from './figures.ts';
import { LiveQueues } from './LiveQueues.tsx';
import { RecentReleases } from './RecentReleases.tsx';
import './releases.css';

/**
 * One office's next release with its countdown, the queues running now and the record of past ones.
 * Read again every 3 s while the tab is visible; a hidden tab asks nothing (and catches up on return).
 */
export function ReleasesBoard(props: { officeCode: string; asHeadquarters: boolean }) {
  const { t, language } = useI18n();
  const api = useApi();
  const offset = useRef(0);
  const query = props.asHeadquarters ? `?office=${encodeURIComponent(props.officeCode)}` : '';
  const releases = useResource(props.officeCode, async () => {
    const answer = await api.get<OfficerReleases>(`/releases${query}`);
    if (answer) offset.current = serverOffsetMs(answer.now, Date.now());
    return answer;
  });
  const { reload } = releases;
  const [, setTick] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      if (document.visibilityState === 'visible') timer = setInterval(reload, REFRESH_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') reload();
      start();
    };
    start();
    const clock = setInterval(() => setTick((n) => n + 1), 1_000);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      clearInterval(clock);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [reload]);

  const data = releases.data;
  const next = data?.next;
  const msToRelease = next ? Date.parse(next.releaseAt) - (Date.now() + offset.current) : 0;
  return (
    <div className="releases-board" data-testid="releases-board">
      <ErrorAlert error={releases.error} />
      {releases.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <h3>{t('console.releases.next')}</h3>
          {next ? (
            <Definitions
              items={[
                ['console.releases.releaseAt', formatInstant(next.releaseAt, language)],
                ['console.releases.queueOpensAt', formatInstant(next.queueOpensAt, language)],
                [
                  'console.releases.countdown',
                  // Past the instant the window still runs: say the quota is open, not "0:00".
                  msToRelease > 0 ? (
                    <span className="mono" role="timer" data-testid="releases-countdown">
                      {countdownText(msToRelease)}
                    </span>
                  ) : (
                    <span data-testid="releases-countdown">{t('console.releases.opened')}</span>
                  ),
                ],
                ['console.releases.seats', <span data-testid="releases-next-seats">{next.seats}</span>],
              ]}
            />
          ) : (
            <p className="empty">{t('console.releases.none')}</p>
          )}
          <LiveQueues queues={data.live} />
          <RecentReleases records={data.releases} />
        </>
      ) : null}
    </div>
  );
}
