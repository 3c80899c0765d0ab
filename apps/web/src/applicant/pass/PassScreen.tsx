import { apiJson } from '../api/client.ts';
import type { ArrivalPass } from '../api/types.ts';
import { longDate } from '../app/format.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText, Screen } from '../components/Form.tsx';
import { StatusBadge } from '../applications/StatusBadge.tsx';
import { useApplication } from '../applications/useApplication.ts';
import { passImage } from './passImage.ts';

interface Office {
  name: string;
  address: string | null;
}

/**
 * The arrival pass (issue 17): whose it is, where and when, the QR the office scans and the short code
 * to read out when it will not scan; saved as an image, printed (or kept as PDF) or shared. The service
 * worker keeps the last copy, so it still opens in the queue outside without signal.
 */
export function PassScreen({ id }: { id: string }) {
  const { t, language } = useT();
  const application = useApplication(id);
  const pass = useLoad(`pass:${id}`, () => apiJson<ArrivalPass>(`/applications/${id}/arrival-pass`));
  const appointment = application.data?.appointment ?? null;
  const office = useLoad(`office:${appointment?.officeCode ?? ''}`, () =>
    appointment ? apiJson<Office>(`/offices/${appointment.officeCode}`) : Promise.resolve(null),
  );
  const when = appointment
    ? `${longDate(appointment.date, language)}, ${appointment.start}–${appointment.end} ${appointment.timeZoneLabel}`
    : '';
  const lines = pass.data
    ? [
        `${pass.data.holder.fullName} · NIK ${pass.data.holder.nik}`,
        appointment?.officeName ?? '',
        office.data?.address ?? '',
        when,
        application.data?.number ?? '',
      ].filter(Boolean)
    : [];
  const fileName = `kode-kedatangan-${application.data?.number ?? id}.png`;
  const image = () =>
    passImage(pass.data!.qrSvg, { title: t('pass.title'), shortCode: pass.data!.shortCode, lines });
  const save = useSubmit(async () => {
    const url = URL.createObjectURL(await image());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const canShare = typeof navigator.share === 'function';
  const share = useSubmit(async () => {
    const file = new File([await image()], fileName, { type: 'image/png' });
    await navigator.share({ title: t('pass.title'), text: lines.join('\n'), files: [file] });
  });

  return (
    <Screen title={t('pass.title')} intro={t('pass.intro')}>
      {application.data && <StatusBadge status={application.data.status} />}
      <ErrorText error={pass.error} />
      {pass.data && (
        <article className="pass" data-testid="pass">
          <dl className="pass-facts">
            <dt>{t('pass.holder')}</dt>
            <dd data-testid="pass-holder">
              {pass.data.holder.fullName}
              <br />
              NIK {pass.data.holder.nik}
            </dd>
            {appointment && (
              <>
                <dt>{t('pass.office')}</dt>
                <dd data-testid="pass-office">
                  {appointment.officeName}
                  {office.data?.address && (
                    <>
                      <br />
                      <span className="hint">{office.data.address}</span>
                    </>
                  )}
                </dd>
                <dt>{t('pass.when')}</dt>
                <dd data-testid="pass-when" data-date={appointment.date}>
                  {when}
                </dd>
              </>
            )}
          </dl>
          <img
            data-testid="arrival-qr"
            alt={t('pass.alt')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pass.data.qrSvg)}`}
          />
          <p className="pass-short">
            {t('pass.shortCode')}
            <strong data-testid="pass-short-code">{pass.data.shortCode}</strong>
          </p>
          <details>
            <summary>{t('pass.longCode')}</summary>
            <code>{pass.data.code}</code>
          </details>
        </article>
      )}
      {pass.data && (
        <div className="actions no-print">
          <ErrorText error={save.error ?? share.error} />
          <button
            type="button"
            className="primary"
            disabled={save.busy}
            onClick={() => void save.run()}
            data-testid="pass-save"
          >
            {t('pass.save')}
          </button>
          <button type="button" className="secondary" onClick={() => window.print()} data-testid="pass-print">
            {t('pass.print')}
          </button>
          {canShare && (
            <button
              type="button"
              className="secondary"
              disabled={share.busy}
              onClick={() => void share.run()}
            >
              {t('pass.share')}
            </button>
          )}
        </div>
      )}
    </Screen>
  );
}
