import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { statusLabels } from '#shared/statuses.ts';
import { useI18n } from '../i18n.ts';
import { formatInstant } from '../format.ts';

/** Every status the application passed through, oldest first, in the office's time zone. */
export function HistoryTimeline({ application }: { application: OfficerApplicationView }) {
  const { t, language } = useI18n();
  const timeZone = application.appointment?.timeZone;
  const history = [...application.history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="card" aria-labelledby="history-title">
      <h3 id="history-title">{t('console.history.title')}</h3>
      <ol className="timeline" data-testid="history">
        {history.map((entry) => (
          <li key={`${entry.status}-${entry.at}`}>
            <time dateTime={entry.at}>{formatInstant(entry.at, language, timeZone)}</time>
            <strong>{statusLabels[entry.status][language]}</strong>
            {entry.note ? <span className="muted">{entry.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
