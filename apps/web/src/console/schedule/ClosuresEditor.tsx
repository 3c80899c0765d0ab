import { useState } from 'react';
import { useI18n } from '../i18n.ts';
import { formatDate, todayIso } from '../format.ts';
import { addClosure, type Schedule } from './draft.ts';

/** Days the office is closed (besides national holidays), each with the reason applicants are shown. */
export function ClosuresEditor(props: { draft: Schedule; onChange(next: Schedule): void }) {
  const { t, language } = useI18n();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const closures = props.draft.closures;
  const setClosures = (next: Schedule['closures']) => props.onChange({ ...props.draft, closures: next });

  function add() {
    if (!date || !reason.trim()) return;
    setClosures(addClosure(closures, date, reason));
    setDate('');
    setReason('');
  }

  return (
    <fieldset className="schedule-section" data-testid="schedule-closures">
      <legend>{t('console.schedule.closures')}</legend>
      {closures.length === 0 ? <p className="muted">{t('console.schedule.noClosures')}</p> : null}
      <ul className="closures">
        {closures.map((closure) => (
          <li key={closure.date} data-testid="closure">
            <strong>{formatDate(closure.date, language)}</strong> {closure.reason}{' '}
            <button
              type="button"
              className="link"
              onClick={() => setClosures(closures.filter((c) => c.date !== closure.date))}
              aria-label={`${t('console.remove')} ${formatDate(closure.date, language)}`}
            >
              {t('console.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-fields">
        <label className="field">
          <span>{t('console.schedule.closureDate')}</span>
          <input
            type="date"
            min={todayIso()}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="closure-date"
          />
        </label>
        <label className="field grow">
          <span>{t('console.schedule.closureReason')}</span>
          <input
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            data-testid="closure-reason"
          />
        </label>
        <button type="button" disabled={!date || !reason.trim()} onClick={add} data-testid="closure-add">
          {t('console.schedule.addClosure')}
        </button>
      </div>
    </fieldset>
  );
}
