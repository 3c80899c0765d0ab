import { apiJson } from '../api/client.ts';
import type { ArrivalPass } from '../api/types.ts';
import { useLoad } from '../app/useLoad.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useApplication } from './useApplication.ts';

/** The QR the office scans: full width on white, cached by the service worker for the queue outside. */
export function PassScreen({ id }: { id: string }) {
  const { t } = useT();
  const application = useApplication(id);
  const pass = useLoad(`pass:${id}`, () => apiJson<ArrivalPass>(`/applications/${id}/arrival-pass`));
  return (
    <Screen title={t('pass.title')} intro={t('pass.intro')}>
      {application.data && <StatusBadge status={application.data.status} />}
      <ErrorText error={pass.error} />
      {pass.data && (
        <figure className="pass">
          <img
            data-testid="arrival-qr"
            alt={t('pass.alt')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pass.data.qrSvg)}`}
          />
          <figcaption>
            {t('pass.code')}: <code>{pass.data.code}</code>
          </figcaption>
        </figure>
      )}
    </Screen>
  );
}
