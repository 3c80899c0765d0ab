import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import type { Application, Office } from '../api/types.ts';
import { navigate } from '../app/navigation.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { useApplication } from '../applications/useApplication.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { OfficePicker } from './OfficePicker.tsx';
import { SlotPicker } from './SlotPicker.tsx';

/** Office, day and hour; then submit (billing code follows) or, for a paid application, reschedule. */
export function OfficeScreen({ id, reschedule }: { id: string; reschedule: boolean }) {
  const { t } = useT();
  const application = useApplication(id);
  const [office, setOffice] = useState<Office | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const app = application.data;
  const kind = app?.product.replace(/_\d+Y$/, '') ?? 'ELECTRONIC';
  const confirm = useSubmit(async () => {
    const path = reschedule ? 'reschedule' : 'submit';
    await apiJson<Application>(`/applications/${id}/${path}`, { method: 'POST', json: { sessionId } });
    navigate(reschedule ? { name: 'application', id } : { name: 'pay', id });
  });
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
                setOffice(null);
                setSessionId(null);
              }}
            >
              {t('office.change')}
            </button>
          </div>
          <SlotPicker
            office={office}
            service={app?.service ?? 'REGULAR'}
            sessionId={sessionId}
            onPick={setSessionId}
          />
          <ErrorText error={confirm.error} />
          <button
            type="button"
            className="primary sticky"
            disabled={!sessionId || confirm.busy}
            data-testid="session-confirm"
            onClick={() => void confirm.run()}
          >
            {t(reschedule ? 'sessions.reschedule' : 'sessions.confirm')}
          </button>
        </>
      )}
    </Screen>
  );
}
