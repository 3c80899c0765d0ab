import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import type { Office, Session } from '../api/types.ts';
import { serverToday, useAppState } from '../app/AppState.tsx';
import { addDays } from '../app/format.ts';
import { useLoad } from '../app/useLoad.ts';
import { useT } from '../app/useT.ts';
import { Choice, ErrorText } from '../components/Form.tsx';
import { calendarDays } from './calendar.ts';

const DAYS = 28;

/** A month of days (green "tersedia", red "penuh": colour and word), then that day's hourly sessions. */
export function SlotPicker(props: {
  office: Office;
  service: string;
  sessionId: string | null;
  onPick(id: string, label: string): void;
  /** Bumped after a refusal (session full): the list is read again, so it shows the truth. */
  refresh?: number;
}) {
  const { t, language } = useT();
  const { clockOffsetMs } = useAppState();
  const from = serverToday(clockOffsetMs);
  const sessions = useLoad(`${props.office.code}:${props.service}:${from}:${props.refresh ?? 0}`, () =>
    apiJson<Session[]>(
      `/offices/${props.office.code}/sessions?service=${props.service}&from=${from}&to=${addDays(from, DAYS - 1)}`,
    ),
  );
  const [day, setDay] = useState<string | null>(null);
  const days = calendarDays(sessions.data ?? []);
  const dayFormat = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const ofDay = (sessions.data ?? []).filter((s) => s.date === day);
  const label = (s: Session) =>
    `${dayFormat.format(new Date(`${s.date}T00:00:00Z`))}, ${s.start}–${s.end} ${props.office.timeZoneLabel}`;
  return (
    <>
      <h2 id="calendar-title">{t('calendar.title')}</h2>
      <ErrorText error={sessions.error} />
      {sessions.loading && <p role="status">{t('common.loading')}</p>}
      <ul className="calendar" aria-labelledby="calendar-title">
        {days.map(({ date, state }) => (
          <li key={date}>
            <button
              type="button"
              className={`day day--${state}`}
              aria-pressed={day === date}
              disabled={state === 'full'}
              data-testid={`day-${state}`}
              data-date={date}
              onClick={() => setDay(date)}
            >
              <span>{dayFormat.format(new Date(`${date}T00:00:00Z`))}</span>
              <span className="day-state">{t(`calendar.${state}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {day && (
        <Choice
          legend={t('sessions.title')}
          name="session"
          value={props.sessionId}
          testId="session"
          options={ofDay.map((s) => ({
            value: s.id,
            label: `${s.start}–${s.end} ${props.office.timeZoneLabel}`,
            note: s.available > 0 ? t('sessions.seats', { n: s.available }) : t('calendar.full'),
            disabled: s.available === 0,
          }))}
          onChange={(id) => {
            const picked = ofDay.find((s) => s.id === id);
            if (picked) props.onPick(id, label(picked));
          }}
        />
      )}
      {day && ofDay.length === 0 && <p>{t('sessions.none')}</p>}
    </>
  );
}
