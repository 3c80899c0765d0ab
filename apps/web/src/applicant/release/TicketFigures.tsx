import { useT } from '../app/useT.ts';
import { figureText, ticketMessageKey, waitText } from './logic.ts';
import type { FollowedView } from './useTicket.ts';

/**
 * The ticket as its holder reads it. The sentence and the place sit in a polite live region, announced
 * when they change; the figures keep their boxes from the start (a dash until known), so nothing moves
 * under the user's thumb while they are read again every few seconds.
 */
export function TicketFigures({ ticket }: { ticket: FollowedView }) {
  const { t } = useT();
  // Far back, the place is estimated from the draw keys until the turn nears: say so.
  const about = (n: number | null) => figureText(n, ticket.approximate);
  const wait = ticket.estimatedWaitSeconds === null ? null : waitText(ticket.estimatedWaitSeconds);
  const place =
    ticket.state === 'QUEUED' && !ticket.approximate && ticket.position !== null && ticket.ahead !== null
      ? t('release.announce', { position: ticket.position, ahead: ticket.ahead })
      : '';
  return (
    <>
      <p
        className="release-state"
        role="status"
        aria-live="polite"
        data-testid="release-state"
        data-state={ticket.state}
      >
        {t(ticketMessageKey(ticket.state))} {place}
      </p>
      <dl className="release-figures">
        <div>
          <dt>{t('release.position')}</dt>
          <dd data-testid="release-position">{about(ticket.position)}</dd>
        </div>
        <div>
          <dt>{t('release.ahead')}</dt>
          <dd data-testid="release-ahead">{about(ticket.ahead)}</dd>
        </div>
        <div>
          <dt>{t('release.wait')}</dt>
          <dd data-testid="release-wait">{wait ? t(wait.key, { n: wait.n }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('release.seatsLeft')}</dt>
          <dd data-testid="release-seats-left">{ticket.seatsLeft}</dd>
        </div>
      </dl>
    </>
  );
}
