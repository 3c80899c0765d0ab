import { useState } from 'react';
import type { Office } from '../api/types.ts';
import { serverToday, useAppState } from '../app/AppState.tsx';
import { addDays } from '../app/format.ts';
import { navigate } from '../app/navigation.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { Choice, ErrorText, Field } from '../components/Form.tsx';
import { joinWaitlist } from './api.ts';

/** The same four weeks the calendar above shows, unless the applicant widens them. */
const DAYS = 28;
const RADII = ['0', '25', '50', '100'] as const;
type Radius = (typeof RADII)[number];

/** When every day that suits is full: wait for a seat someone frees at this office, or near it. */
export function JoinWaitlistCard({ applicationId, office }: { applicationId: string; office: Office }) {
  const { t } = useT();
  const { clockOffsetMs } = useAppState();
  const today = serverToday(clockOffsetMs);
  // Null until edited: the default follows the server's "today", known only once its clock has answered.
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [radius, setRadius] = useState<Radius>('0');
  const range = { from: from ?? today, to: to ?? addDays(today, DAYS - 1) };
  const join = useSubmit(async () => {
    await joinWaitlist(applicationId, { officeCode: office.code, radiusKm: Number(radius), ...range });
    navigate({ name: 'application', id: applicationId });
  });
  return (
    <section className="card" aria-labelledby="waitlist-join-title" data-testid="waitlist-join-card">
      <h2 id="waitlist-join-title">{t('waitlist.join.title')}</h2>
      <p className="hint">{t('waitlist.join.intro')}</p>
      <form onSubmit={join.onSubmit}>
        <div className="waitlist-range">
          <Field
            label={t('waitlist.join.from')}
            type="date"
            required
            min={today}
            value={range.from}
            data-testid="waitlist-from"
            onChange={(e) => setFrom(e.target.value)}
          />
          <Field
            label={t('waitlist.join.to')}
            type="date"
            required
            min={range.from}
            value={range.to}
            data-testid="waitlist-to"
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <Choice
          legend={t('waitlist.join.radius')}
          name="waitlist-radius"
          value={radius}
          testId="waitlist-radius"
          options={RADII.map((km) => ({
            value: km,
            label: km === '0' ? t('waitlist.radius.office') : t('waitlist.radius.km', { km }),
          }))}
          onChange={setRadius}
        />
        <ErrorText error={join.error} />
        <button type="submit" className="secondary" disabled={join.busy} data-testid="waitlist-join">
          {t('waitlist.join.submit')}
        </button>
      </form>
    </section>
  );
}
