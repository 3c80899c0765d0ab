import { useState } from 'react';
import { serverToday, useAppState } from '../app/AppState.tsx';
import { flash } from '../app/flash.ts';
import { routeHash } from '../app/routes.ts';
import { longDate } from '../app/format.ts';
import { useT } from '../app/useT.ts';
import { ConsentCard } from '../consent/ConsentCard.tsx';
import { ContestCard } from '../contest/ContestCard.tsx';
import { WaitlistSection } from '../waitlist/WaitlistSection.tsx';
import { ErrorText, Screen } from '../components/Form.tsx';
import { CancelButton } from './CancelButton.tsx';
import { nextStep } from './nextStep.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { Timeline } from './Timeline.tsx';
import { useApplication } from './useApplication.ts';

const cancellable = ['DRAFT', 'AWAITING_PAYMENT', 'PAID'];

export function ApplicationScreen({ id }: { id: string }) {
  const { t, language } = useT();
  const { clockOffsetMs } = useAppState();
  const application = useApplication(id);
  const [notice] = useState(() => flash.take());
  const app = application.data;
  const next = app && nextStep(app);
  const appointment = app?.appointment;
  // H-1: the server refuses a reschedule on the day itself, so the button is not offered then.
  const canReschedule =
    app?.status === 'PAID' &&
    appointment &&
    appointment.reschedulesLeft > 0 &&
    appointment.date > serverToday(clockOffsetMs);
  return (
    <Screen title={app ? app.number : application.error ? t('apps.notFound') : t('common.loading')}>
      <ErrorText error={application.error} />
      {Boolean(application.error) && !app && (
        <a
          className="button secondary"
          href={routeHash({ name: 'applications' })}
          data-testid="back-to-applications"
        >
          {t('apps.backToList')}
        </a>
      )}
      {app && (
        <>
          {notice === 'rescheduled' && (
            <p className="notice" role="status" data-testid="flash">
              {t('apps.rescheduled')}
            </p>
          )}
          <StatusBadge status={app.status} />
          {next && (
            <a className="button primary" href={routeHash(next.route)}>
              {t(next.label)}
            </a>
          )}
          {/* A held seat is time-critical: near the top, above the appointment and the history. */}
          {app.status === 'DRAFT' && <ConsentCard applicationId={id} />}
          {app.status === 'DRAFT' && <WaitlistSection applicationId={id} />}
          {app.status === 'REJECTED' && <ContestCard applicationId={id} />}
          {appointment && (
            <section className="card" aria-labelledby="appointment-title">
              <h2 id="appointment-title">{t('apps.appointment')}</h2>
              <p data-testid="appointment" data-date={appointment.date}>
                <strong>{appointment.officeName}</strong>
                <br />
                {longDate(appointment.date, language)}, {appointment.start}–{appointment.end}{' '}
                {appointment.timeZoneLabel}
              </p>
              {app.status === 'PAID' && (
                <>
                  <p className="hint">{t('apps.rescheduleRule')}</p>
                  <p>{t('apps.reschedulesLeft', { n: appointment.reschedulesLeft })}</p>
                  {canReschedule && (
                    <a
                      className="button secondary"
                      href={routeHash({ name: 'reschedule', id })}
                      data-testid="reschedule"
                    >
                      {t('apps.reschedule')}
                    </a>
                  )}
                </>
              )}
            </section>
          )}
          {app.readyDate && !['COLLECTED', 'CANCELLED', 'REJECTED'].includes(app.status) && (
            <p className="notice">
              {t('apps.readyDate')}: <strong>{longDate(app.readyDate, language)}</strong>
            </p>
          )}
          <Timeline history={app.history} />
          {cancellable.includes(app.status) && (
            <CancelButton
              id={id}
              status={app.status}
              billingCode={app.billing?.status === 'PENDING' ? app.billing.code : undefined}
              onDone={application.setData}
            />
          )}
        </>
      )}
    </Screen>
  );
}
