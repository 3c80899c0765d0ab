import type { OfficerApplicationView, OfficerView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { NextStep } from '../actions/NextStep.tsx';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { ApplicantCard } from './ApplicantCard.tsx';
import { AppointmentCard } from './AppointmentCard.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { ContestCard } from './ContestCard.tsx';
import { LossCard } from './LossCard.tsx';
import { PassportCard } from './PassportCard.tsx';
import { VisitRecord } from './VisitRecord.tsx';

/** One application as the office sees it, with the one step its status allows next. */
export function ApplicationPage(props: { id: string; officer: OfficerView }) {
  const { t } = useI18n();
  const api = useApi();
  const resource = useResource(`application:${props.id}`, () =>
    api.get<OfficerApplicationView>(`/applications/${props.id}`),
  );
  const application = resource.data;

  return (
    <div className="application-page">
      <p>
        <a href="#/queue" data-testid="back-to-queue">
          ← {t('console.application.back')}
        </a>
      </p>
      <ErrorAlert error={resource.error} testId="application-error" />
      {resource.loading && !application ? <Loading /> : null}
      {application ? (
        <>
          <div className="application-title">
            <PageHeading>
              <span data-testid="application-number">{application.number}</span> ·{' '}
              {application.applicant.fullName}
            </PageHeading>
            <StatusBadge status={application.status} testId="application-status" />
          </div>
          <div className="application-grid">
            <div className="application-main">
              {application.passport ? <PassportCard passport={application.passport} /> : null}
              <ApplicantCard application={application} />
              <AppointmentCard application={application} />
              <DocumentsCard application={application} />
              <LossCard application={application} officer={props.officer} reload={resource.reload} />
              <ContestCard application={application} officer={props.officer} reload={resource.reload} />
              <VisitRecord application={application} />
              <HistoryTimeline application={application} />
            </div>
            <aside className="application-side" aria-label={t('console.step.title')}>
              <NextStep
                application={application}
                officer={props.officer}
                onChange={resource.setData}
                reload={resource.reload}
              />
            </aside>
          </div>
        </>
      ) : null}
    </div>
  );
}
