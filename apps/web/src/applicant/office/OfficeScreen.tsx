import { useEffect, useState } from 'react';
import { apiJson } from '../api/client.ts';
import { longDate } from '../app/format.ts';
import { useLoad } from '../app/useLoad.ts';
import type { Office } from '../api/types.ts';
import { useT } from '../app/useT.ts';
import { useApplication } from '../applications/useApplication.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { ticketStore } from '../release/ticketStore.ts';
import { OfficeBooking } from './OfficeBooking.tsx';
import { OfficePicker } from './OfficePicker.tsx';

/** Office, day and hour; then submit (billing code follows) or, for a paid application, reschedule. */
export function OfficeScreen({ id, reschedule }: { id: string; reschedule: boolean }) {
  const { t, language } = useT();
  const application = useApplication(id);
  // A reload while queueing returns to the office of the ticket kept on the phone.
  const [office, setOffice] = useState<Office | null>(() => ticketStore.get(id)?.office ?? null);
  const app = application.data;
  const kind = app?.product.replace(/_\d+Y$/, '') ?? 'ELECTRONIC';
  const current = reschedule ? (app?.appointment ?? null) : null;
  // A reschedule starts at the office of the current booking, not from an empty search.
  const currentOffice = useLoad(`office:${current?.officeCode ?? ''}`, () =>
    current ? apiJson<Office>(`/offices/${current.officeCode}`) : Promise.resolve(null),
  );
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!started && currentOffice.data && !office) {
      setOffice(currentOffice.data);
      setStarted(true);
    }
  }, [started, currentOffice.data, office]);
  return (
    <Screen title={t('office.title')} intro={reschedule ? t('apps.rescheduleRule') : undefined}>
      <ErrorText error={application.error} />
      {current && (
        <p className="notice" data-testid="current-booking">
          {t('sessions.currentBooking')}: <strong>{current.officeName}</strong>,{' '}
          {longDate(current.date, language)} {current.start}–{current.end} {current.timeZoneLabel}
        </p>
      )}
      {!office ? (
        <OfficePicker kind={kind} onPick={setOffice} />
      ) : (
        <>
          <div className="card chosen-office">
            <strong data-testid="chosen-office">{office.name}</strong>
            <button
              type="button"
              className="link"
              onClick={() => {
                // A new office means a new queue: the ticket of this one no longer applies.
                ticketStore.clear(id);
                setOffice(null);
              }}
            >
              {t('office.change')}
            </button>
          </div>
          <OfficeBooking
            key={office.code}
            applicationId={id}
            service={app?.service ?? 'REGULAR'}
            office={office}
            reschedule={reschedule}
            onChangeOffice={() => {
              ticketStore.clear(id);
              setOffice(null);
            }}
          />
        </>
      )}
    </Screen>
  );
}
