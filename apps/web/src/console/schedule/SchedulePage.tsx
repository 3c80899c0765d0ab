import type { OfficerView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { OfficeChooser, useChosenOffice } from '../components/OfficeChooser.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScheduleWorkspace } from './ScheduleWorkspace.tsx';

/** An office admin edits their own office; headquarters names the office first. */
export function SchedulePage({ officer }: { officer: OfficerView }) {
  const { t } = useI18n();
  const { officeCode, choose, title } = useChosenOffice(officer);
  return (
    <section className="card" aria-labelledby="schedule-title">
      <PageHeading>
        <span id="schedule-title">
          {t('console.schedule.title')} · {title}
        </span>
      </PageHeading>
      <OfficeChooser
        officer={officer}
        onChoose={choose}
        openLabel={t('console.schedule.openOffice')}
        testId="schedule-office"
      />
      {officeCode ? <ScheduleWorkspace key={officeCode} officeCode={officeCode} /> : null}
    </section>
  );
}
