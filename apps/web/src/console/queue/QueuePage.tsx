import type { OfficerView, QueueEntry } from '#shared/contracts/officer.ts';
import { useState } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatDate, todayIso } from '../format.ts';
import { CheckInPanel } from './CheckInPanel.tsx';
import { QueueTable } from './QueueTable.tsx';

/** The office's applicants of one day, by arrival session, with the arrival desk beside it. */
export function QueuePage(props: { officer: OfficerView; onOpen(id: string): void }) {
  const { t, language } = useI18n();
  const api = useApi();
  const [date, setDate] = useState(todayIso);
  const [search, setSearch] = useState('');
  const queue = useResource(`queue:${date}`, () =>
    api.get<QueueEntry[]>(`/queue?${new URLSearchParams({ date })}`),
  );

  return (
    <div className="queue-layout">
      <section className="card" aria-labelledby="queue-title">
        <PageHeading>
          <span id="queue-title">
            {t('console.queue.title')} · {props.officer.officeName ?? t('console.header.headquarters')}
          </span>
        </PageHeading>
        <div className="toolbar">
          <label className="field">
            <span>{t('console.queue.date')}</span>
            <input
              type="date"
              value={date}
              required
              onChange={(e) => e.target.value && setDate(e.target.value)}
              data-testid="queue-date"
            />
          </label>
          <label className="field grow">
            <span>{t('console.queue.search')}</span>
            <input
              type="search"
              placeholder="MP2026-00000123"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="queue-search"
            />
          </label>
          <button type="button" onClick={queue.reload} data-testid="queue-refresh">
            {t('console.queue.refresh')}
          </button>
        </div>
        <p className="muted">{formatDate(date, language)}</p>
        <ErrorAlert error={queue.error} />
        {queue.loading && !queue.data ? <Loading /> : null}
        {queue.data ? <QueueTable entries={queue.data} search={search} onOpen={props.onOpen} /> : null}
      </section>
      <CheckInPanel onCheckedIn={props.onOpen} />
    </div>
  );
}
