import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { Definitions } from '../components/Definitions.tsx';
import { formatDate, formatInstant, formatRupiah } from '../format.ts';
import { billingStatusLabel, poolLabel } from '../labels.ts';

/** The booked session and the PNBP receipt (NTPN) the applicant paid with. */
export function AppointmentCard({ application }: { application: OfficerApplicationView }) {
  const { t, language } = useI18n();
  const { appointment, billing, fee } = application;
  const timeZone = appointment?.timeZone;
  return (
    <section className="card" aria-labelledby="appointment-title">
      <h3 id="appointment-title">{t('console.appointment.title')}</h3>
      {appointment ? (
        <Definitions
          items={[
            ['console.appointment.office', `${appointment.officeName} (${appointment.officeCode})`],
            ['console.appointment.date', formatDate(appointment.date, language)],
            [
              'console.appointment.session',
              `${appointment.start}–${appointment.end} ${appointment.timeZoneLabel}`,
            ],
            ['console.appointment.pool', poolLabel(appointment.service, t)],
            [
              'console.appointment.readyDate',
              application.readyDate && formatDate(application.readyDate, language),
            ],
          ]}
        />
      ) : (
        <p className="muted">{t('console.appointment.none')}</p>
      )}
      <h4>{t('console.billing.title')}</h4>
      {billing ? (
        <Definitions
          items={[
            ['console.billing.code', <span className="mono">{billing.code}</span>],
            ['console.billing.amount', formatRupiah(billing.amount, language)],
            ['console.billing.status', billingStatusLabel(billing.status, t)],
            ['console.billing.paidAt', billing.paidAt && formatInstant(billing.paidAt, language, timeZone)],
            ['console.billing.channel', billing.channel],
            ['console.billing.ntpn', billing.ntpn && <span className="mono">{billing.ntpn}</span>],
            ['console.billing.ntb', billing.ntb && <span className="mono">{billing.ntb}</span>],
          ]}
        />
      ) : (
        <p className="muted">{t('console.billing.none')}</p>
      )}
      <details>
        <summary>
          {t('console.billing.fee')} {formatRupiah(fee.amount, language)}
        </summary>
        <ul>
          {fee.items.map((item) => (
            <li key={item.code}>
              {item.label}: {formatRupiah(item.amount, language)}
            </li>
          ))}
        </ul>
        <p className="muted">{fee.legalBasis}</p>
      </details>
    </section>
  );
}
