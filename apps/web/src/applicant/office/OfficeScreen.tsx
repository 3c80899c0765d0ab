import { useState } from 'react';
import type { Office } from '../api/types.ts';
import { useT } from '../app/useT.ts';
import { useApplication } from '../applications/useApplication.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { ticketStore } from '../release/ticketStore.ts';
import { OfficeBooking } from './OfficeBooking.tsx';
import { OfficePicker } from './OfficePicker.tsx';

/** Office, day and hour; then submit (billing code follows) or, for a paid application, reschedule. */
export function OfficeScreen({ id, reschedule }: { id: string; reschedule: boolean }) {
  const { t } = useT();
  const application = useApplication(id);
  // A reload while queueing returns to the office of the ticket kept on the phone.
  const [office, setOffice] = useState<Office | null>(() => ticketStore.get(id)?.office ?? null);
  const app = application.data;
  const kind = app?.product.replace(/_\d+Y$/, '') ?? 'ELECTRONIC';
  return (
    <Screen title={t('office.title')} intro={reschedule ? t('apps.rescheduleRule') : undefined}>
      <ErrorText error={application.error} />
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
