import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { InterviewForm } from './InterviewForm.tsx';
import { PhotoCapture } from './PhotoCapture.tsx';
import { isApplication, useAction, type ActionProps } from './useAction.ts';

/** Photo, fingerprints, then the interview, at one desk; the interview waits for both captures. */
export function BiometricsStep(props: ActionProps) {
  const { t } = useI18n();
  const api = useApi();
  const fingerprints = useAction();
  const { visit, id } = props.application;

  const recordFingerprints = () =>
    fingerprints.run(async () => {
      const answer = await api.send<unknown>('POST', `/applications/${id}/fingerprints`, {});
      if (isApplication(answer)) props.onChange(answer);
      else props.reload();
    });

  return (
    <div className="biometrics">
      <h5>
        1. {t('console.photo.title')} {visit.photo ? <Done /> : null}
      </h5>
      <PhotoCapture {...props} />

      <h5>
        2. {t('console.fingerprints.title')} {visit.fingerprintsAt ? <Done /> : null}
      </h5>
      <ErrorAlert error={fingerprints.error} testId="fingerprints-error" />
      <button
        type="button"
        disabled={fingerprints.busy}
        onClick={() => void recordFingerprints()}
        data-testid="fingerprints-submit"
      >
        {t('console.fingerprints.submit')}
      </button>

      <h5>3. {t('console.interview.title')}</h5>
      <InterviewForm {...props} ready={Boolean(visit.photo && visit.fingerprintsAt)} />
    </div>
  );
}

function Done() {
  const { t } = useI18n();
  return (
    <span className="done" data-testid="capture-done">
      ✓ {t('console.captured')}
    </span>
  );
}
