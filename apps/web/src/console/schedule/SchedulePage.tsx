import type { OfficerView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScheduleWorkspace } from './ScheduleWorkspace.tsx';

/** An office admin edits their own office; headquarters names the office first. */
export function SchedulePage({ officer }: { officer: OfficerView }) {
  const { t } = useI18n();
  const [officeCode, setOfficeCode] = useState(officer.officeCode ?? '');
  const [typed, setTyped] = useState(officeCode);

  function open(event: FormEvent) {
    event.preventDefault();
    setOfficeCode(typed.trim());
  }

  return (
    <section className="card" aria-labelledby="schedule-title">
      <PageHeading>
        <span id="schedule-title">
          {t('console.schedule.title')} · {officer.officeCode ? officer.officeName : officeCode || '—'}
        </span>
      </PageHeading>
      {officer.officeCode === null ? (
        <form className="toolbar" onSubmit={open}>
          <label className="field">
            <span>{t('console.schedule.officeCode')}</span>
            <input
              value={typed}
              required
              onChange={(e) => setTyped(e.target.value)}
              data-testid="schedule-office"
            />
          </label>
          <button type="submit">{t('console.schedule.openOffice')}</button>
        </form>
      ) : null}
      {officeCode ? <ScheduleWorkspace key={officeCode} officeCode={officeCode} /> : null}
    </section>
  );
}
