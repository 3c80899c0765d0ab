import { statusLabels } from '#shared/statuses.ts';
import type { Application } from '../api/types.ts';
import { historyNote } from '#shared/history-notes.ts';
import { dateTime, longDate } from '../app/format.ts';
import { useT } from '../app/useT.ts';

export function Timeline({ history }: { history: Application['history'] }) {
  const { t, language } = useT();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('apps.timeline')}</h2>
      <ol className="timeline">
        {history.map((entry) => (
          <li key={`${entry.status}-${entry.at}`}>
            <strong>{statusLabels[entry.status][language]}</strong>
            <br />
            <time dateTime={entry.at}>{dateTime(entry.at, language)} WIB</time>
            {entry.note && (
              <p className="hint">{historyNote(entry.note, language, (iso) => longDate(iso, language))}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
