import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { Definitions } from '../components/Definitions.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FilePreview } from '../components/FilePreview.tsx';
import { useBlobPreview } from '../components/useBlobPreview.ts';
import { formatBytes, formatDate, formatInstant } from '../format.ts';
import { documentLabel } from '../labels.ts';

/** The biometric photo is served as a document of its own kind (officer routes, `documents/:kind`). */
const PHOTO_KIND = 'BIOMETRIC_PHOTO';

/** What the office recorded so far: arrival, verification, photo, fingerprints, interview, decision. */
export function VisitRecord({ application }: { application: OfficerApplicationView }) {
  const { t, language } = useI18n();
  const api = useApi();
  const photo = useBlobPreview(api);
  const { visit } = application;
  const at = (instant: string | null | undefined) =>
    instant ? formatInstant(instant, language, application.appointment?.timeZone) : null;
  const { verification, interview, adjudication } = visit;
  return (
    <section className="card" aria-labelledby="visit-title" data-testid="visit-record">
      <h3 id="visit-title">{t('console.visit.title')}</h3>
      <Definitions
        items={[
          ['console.visit.checkedInAt', at(visit.checkedInAt)],
          [
            'console.visit.verification',
            verification && (
              <>
                {t(`console.verify.${verification.decision}`)} · {at(verification.at)}
                {verification.notes ? <span className="note">{verification.notes}</span> : null}
                {verification.missingDocuments.length > 0 ? (
                  <span className="note">
                    {verification.missingDocuments
                      .map((k) => documentLabel(application, k, language))
                      .join(', ')}
                    {verification.documentsDueBy
                      ? ` · ${t('console.visit.dueBy')} ${formatDate(verification.documentsDueBy, language)}`
                      : ''}
                  </span>
                ) : null}
              </>
            ),
          ],
          [
            'console.visit.photo',
            visit.photo && (
              <>
                {visit.photo.contentType} · {formatBytes(visit.photo.size, language)} · {at(visit.photo.at)}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void photo.open('photo', `/applications/${application.id}/documents/${PHOTO_KIND}`)
                  }
                  data-testid="photo-open"
                >
                  {t('console.documents.open')}
                </button>
              </>
            ),
          ],
          ['console.visit.fingerprints', at(visit.fingerprintsAt)],
          [
            'console.visit.interview',
            interview && (
              <>
                {t(`console.recommendation.${interview.recommendation}`)} · {at(interview.at)}
                <span className="note">{interview.notes}</span>
              </>
            ),
          ],
          [
            'console.visit.adjudication',
            adjudication && (
              <>
                {t(`console.decision.${adjudication.decision}`)} · {at(adjudication.at)}
                {adjudication.reason ? <span className="note">{adjudication.reason}</span> : null}
              </>
            ),
          ],
          ['console.visit.handedOverAt', at(visit.handedOverAt)],
        ]}
      />
      <ErrorAlert error={photo.error} />
      {photo.preview ? (
        <FilePreview preview={photo.preview} title={t('console.visit.photo')} onClose={photo.close} />
      ) : null}
    </section>
  );
}
