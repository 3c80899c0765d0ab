import { useI18n } from '../i18n.ts';
import { formatDate, formatInstant } from '../format.ts';
import { poolLabel } from '../labels.ts';
import { summariseDay, type PreviewDay } from './preview.ts';

/** The next three weeks as the draft would plan them, one line a day, with when each day's seats open. */
export function SchedulePreview(props: { days: readonly PreviewDay[]; stale: boolean }) {
  const { t, language } = useI18n();
  return (
    <section
      aria-labelledby="preview-title"
      className="schedule-preview"
      data-testid="schedule-preview-result"
    >
      <h3 id="preview-title">{t('console.schedule.previewTitle')}</h3>
      {props.stale ? (
        <p className="notice" role="status">
          {t('console.schedule.previewStale')}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('console.schedule.previewDate')}</th>
            <th scope="col">{t('console.schedule.previewSessions')}</th>
            <th scope="col">{t('console.schedule.previewSeats')}</th>
            <th scope="col">{t('console.schedule.previewTotal')}</th>
            <th scope="col">{t('console.schedule.previewReleased')}</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((day) => {
            const summary = summariseDay(day.sessions);
            const closed = summary.slots.length === 0;
            return (
              <tr key={day.date} data-testid="preview-day" className={closed ? 'closed' : undefined}>
                <th scope="row">{formatDate(day.date, language)}</th>
                {closed ? (
                  <td colSpan={4}>{t('console.schedule.closed')}</td>
                ) : (
                  <>
                    <td>
                      <ul className="preview-slots">
                        {summary.slots.map((slot) => (
                          <li key={slot}>{slot}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {summary.pools
                        .map(
                          ({ pool, min, max }) =>
                            `${pool ? poolLabel(pool, t) : ''} ${min === max ? min : `${min}–${max}`}`,
                        )
                        .join(' · ')}
                    </td>
                    <td>{summary.total}</td>
                    <td>
                      {summary.released.map((instant) => (
                        <div key={instant}>{formatInstant(instant, language)}</div>
                      ))}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
