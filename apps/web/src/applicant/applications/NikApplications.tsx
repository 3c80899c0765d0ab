import { useState } from 'react';
import type { NikApplication } from '#shared/contracts/applications.ts';
import { apiJson } from '../api/client.ts';
import { longDate } from '../app/format.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const cancellable = new Set(['DRAFT', 'AWAITING_PAYMENT', 'PAID']);

/**
 * Applications filed under my own NIK from other accounts (issue 15, no squatting): shown only when
 * there are some, each cancellable while its visit is ahead, after a second, explicit tap.
 */
export function NikApplications() {
  const { t } = useT();
  const list = useLoad('nik-applications', () => apiJson<NikApplication[]>('/me/nik-applications'));
  if (!list.data || list.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="nik-apps-title" data-testid="nik-applications">
      <h2 id="nik-apps-title">{t('apps.nik.title')}</h2>
      <p>{t('apps.nik.intro')}</p>
      <ul className="applications">
        {list.data.map((app) => (
          <NikApplicationItem key={app.id} app={app} onCancelled={list.reload} />
        ))}
      </ul>
    </section>
  );
}

function NikApplicationItem(props: { app: NikApplication; onCancelled(): void }) {
  const { t, language } = useT();
  const { app } = props;
  const [confirming, setConfirming] = useState(false);
  const cancel = useSubmit(async () => {
    await apiJson(`/me/nik-applications/${app.id}/cancel`, { method: 'POST' });
    props.onCancelled();
  });
  return (
    <li data-testid="nik-application">
      <strong>{app.number}</strong> <StatusBadge status={app.status} />
      {app.appointment && (
        <p>
          {app.appointment.officeName}, {longDate(app.appointment.date, language)} {app.appointment.start}
        </p>
      )}
      <ErrorText error={cancel.error} />
      {cancellable.has(app.status) &&
        (confirming ? (
          <form onSubmit={cancel.onSubmit}>
            <p role="alert">{t('apps.nik.confirm')}</p>
            <button type="submit" className="danger" disabled={cancel.busy} data-testid="nik-cancel-confirm">
              {t('apps.nik.cancelConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('apps.nik.keep')}
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={() => setConfirming(true)}
            data-testid="nik-cancel"
          >
            {t('apps.nik.cancel')}
          </button>
        ))}
    </li>
  );
}
