import type { TicketView } from '#shared/contracts/releases.ts';
import { countdownText } from '../../ui/countdown.ts';
import type { Office } from '../api/types.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';
import { releaseRecordUrl } from './api.ts';
import { StepHeading } from './Heading.tsx';
import { TicketFigures } from './TicketFigures.tsx';
import { useSecondTick } from './useServerClock.ts';
import './release.css';

/**
 * The office's waiting room: the countdown to the release instant on the server's clock, joining with
 * the application, then the live ticket, and what makes the draw checkable.
 */
export function WaitingRoom(props: {
  office: Office;
  release: { releaseAt: string; seats: number } | null;
  releaseId: string | null;
  ticket: TicketView | null;
  now(): number;
  onJoin(): void;
  joining: boolean;
  errors: readonly unknown[];
}) {
  const { t, language } = useT();
  const { office, ticket } = props;
  const releaseAt = ticket?.releaseAt ?? props.release?.releaseAt ?? null;
  const msLeft = releaseAt ? Date.parse(releaseAt) - props.now() : 0;
  // Once the server has drawn the ticket's place the instant has passed, whatever this phone's clock says.
  const beforeDraw = !ticket || ticket.state === 'WAITING_FOR_DRAW';
  useSecondTick(beforeDraw && msLeft > -1_000);
  const time = releaseAt
    ? `${new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
        timeStyle: 'short',
        timeZone: office.timeZone,
      }).format(new Date(releaseAt))} ${office.timeZoneLabel}`
    : '';
  const seedHash = ticket?.seedHash;
  return (
    <section className="card release" aria-labelledby="release-title" data-testid="waiting-room">
      <StepHeading id="release-title">{t('release.title')}</StepHeading>
      {beforeDraw && msLeft > 0 && (
        <>
          <p>{t('release.intro', { time })}</p>
          <p className="release-countdown">
            {t('release.countdown')}{' '}
            <strong role="timer" data-testid="release-countdown">
              {countdownText(msLeft)}
            </strong>
          </p>
        </>
      )}
      {props.release && <p>{t('release.seats', { n: props.release.seats })}</p>}
      {props.errors.map((error, i) => (
        <ErrorText key={i} error={error} />
      ))}
      {ticket ? (
        <TicketFigures ticket={ticket} />
      ) : (
        <button
          type="button"
          className="primary"
          disabled={props.joining}
          data-testid="release-join"
          onClick={props.onJoin}
        >
          {t('release.join')}
        </button>
      )}
      {seedHash && (
        <details className="card">
          <summary>{t('release.fairness')}</summary>
          <p>{t('release.fairnessText')}</p>
          <p>
            {t('release.seedHash')}:{' '}
            <code className="seed-hash" data-testid="release-seed-hash">
              {seedHash}
            </code>
          </p>
          <a href={releaseRecordUrl(office.code, props.releaseId)} target="_blank" rel="noopener">
            {t('release.record')}
          </a>
        </details>
      )}
    </section>
  );
}
