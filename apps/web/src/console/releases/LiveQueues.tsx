import type { LiveQueue } from '#shared/contracts/officer-releases.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { formatInstant } from '../format.ts';

const figures: readonly [keyof LiveQueue, MessageKey][] = [
  ['tickets', 'console.releases.tickets'],
  ['waiting', 'console.releases.waiting'],
  ['admitted', 'console.releases.admitted'],
  ['outstanding', 'console.releases.outstanding'],
  ['booked', 'console.releases.booked'],
  ['seatsLeft', 'console.releases.seatsLeft'],
  ['nextPosition', 'console.releases.nextPosition'],
  ['admittedLastMinute', 'console.releases.perMinute'],
];

/** The queues running now, as big figures: read from across the office on a wall screen. */
export function LiveQueues({ queues }: { queues: readonly LiveQueue[] }) {
  const { t, language } = useI18n();
  return (
    <>
      <h3>{t('console.releases.live')}</h3>
      {queues.length === 0 ? <p className="empty">{t('console.releases.noLive')}</p> : null}
      {queues.map((queue) => (
        <section
          key={queue.releaseId}
          className="live-queue"
          data-testid="live-queue"
          aria-label={formatInstant(queue.releaseAt, language)}
        >
          <p>
            <strong>{formatInstant(queue.releaseAt, language)}</strong> ·{' '}
            {t(queue.drawn ? 'console.releases.drawn' : 'console.releases.notDrawn')}
          </p>
          <dl className="release-figures">
            {figures.map(([key, label]) => (
              <div key={key}>
                <dt>{t(label)}</dt>
                <dd data-testid={`live-${key}`}>{queue[key] ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
