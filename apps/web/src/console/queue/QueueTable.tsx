import type { QueueEntry } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatInstant } from '../format.ts';
import { poolLabel, productLabel, serviceLabel } from '../labels.ts';
import { groupBySession } from './grouping.ts';

/** One row per applicant; the row opens the application, the number is the keyboard's way in. */
export function QueueTable(props: {
  entries: readonly QueueEntry[];
  search: string;
  onOpen(id: string): void;
}) {
  const { t, language } = useI18n();
  const groups = groupBySession(props.entries, props.search);
  if (groups.length === 0) {
    return (
      <p className="empty" data-testid="queue-empty">
        {t(props.entries.length === 0 ? 'console.queue.empty' : 'console.queue.noMatch')}
      </p>
    );
  }
  return (
    <table className="queue" data-testid="queue-table">
      <thead>
        <tr>
          <th scope="col">{t('console.queue.number')}</th>
          <th scope="col">{t('console.queue.name')}</th>
          <th scope="col">{t('console.queue.service')}</th>
          <th scope="col">{t('console.queue.product')}</th>
          <th scope="col">{t('console.queue.status')}</th>
          <th scope="col">{t('console.queue.checkedInAt')}</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={`${group.start}-${group.end}`} data-testid="queue-session">
          <tr className="session-row">
            <th scope="rowgroup" colSpan={6}>
              {t('console.queue.session')} {group.start}–{group.end} · {t('console.queue.applicants')}{' '}
              {group.entries.length}
            </th>
          </tr>
          {group.entries.map((entry) => (
            <tr
              key={entry.id}
              className="clickable"
              onClick={() => props.onOpen(entry.id)}
              data-testid="queue-row"
              data-number={entry.number}
            >
              <td>
                <a href={`#/applications/${entry.id}`} onClick={(e) => e.stopPropagation()}>
                  {entry.number}
                </a>
              </td>
              <td>{entry.fullName}</td>
              <td>
                {serviceLabel(entry.service, t)}
                {entry.pool !== entry.service ? ` · ${poolLabel(entry.pool, t)}` : ''}
              </td>
              <td>{productLabel(entry.product, t)}</td>
              <td>
                <StatusBadge status={entry.status} />
              </td>
              <td>{entry.checkedInAt ? formatInstant(entry.checkedInAt, language) : '—'}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
