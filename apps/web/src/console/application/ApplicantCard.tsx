import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { Definitions } from '../components/Definitions.tsx';
import { formatDate } from '../format.ts';
import { productLabel, serviceLabel, typeLabel } from '../labels.ts';

/** Who applies and for what; the officer compares this with the originals on the desk. */
export function ApplicantCard({ application }: { application: OfficerApplicationView }) {
  const { t, language } = useI18n();
  const { applicant, previousPassport } = application;
  const reason = application.replacementReason;
  const purpose = application.travelPurpose;
  return (
    <section className="card" aria-labelledby="applicant-title">
      <h3 id="applicant-title">{t('console.applicant.title')}</h3>
      <Definitions
        items={[
          ['console.applicant.fullName', applicant.fullName],
          ['console.applicant.nik', <span className="mono">{applicant.nik}</span>],
          [
            'console.applicant.birth',
            `${applicant.placeOfBirth}, ${formatDate(applicant.dateOfBirth, language)}`,
          ],
          ['console.applicant.sex', t(applicant.sex === 'M' ? 'console.sex.M' : 'console.sex.F')],
          ['console.applicant.adult', t(applicant.adult ? 'console.yes' : 'console.no')],
          [
            'console.applicant.type',
            `${typeLabel(application.type, t)}${reason ? ` · ${t(`console.reason.${reason}`)}` : ''}`,
          ],
          ['console.applicant.product', productLabel(application.product, t)],
          ['console.applicant.service', serviceLabel(application.service, t)],
          ['console.applicant.purpose', purpose ? t(`console.purpose.${purpose}`) : null],
        ]}
      />
      {previousPassport ? (
        <>
          <h4>{t('console.applicant.previousPassport')}</h4>
          <Definitions
            items={[
              ['console.passport.number', <span className="mono">{previousPassport.number}</span>],
              ['console.passport.kind', previousPassport.type],
              ['console.passport.issueDate', formatDate(previousPassport.issueDate, language)],
              ['console.passport.expiryDate', formatDate(previousPassport.expiryDate, language)],
              ['console.passport.issuingOffice', previousPassport.issuingOffice],
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
