import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import type { WalkInSlip } from '#shared/contracts/walk-ins.ts';
import { useAction } from '../actions/useAction.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fill } from '../../i18n/fill.ts';
import { useI18n } from '../i18n.ts';
import { documentLabel } from '../labels.ts';

const SCAN_TYPES = 'image/jpeg,image/png,application/pdf';

/**
 * The scans taken at the desk, one per required document, under the app's upload rules; then the
 * seat of today's lane is taken and billed. The submit button says what is still missing.
 */
export function ScansStep(props: {
  application: OfficerApplicationView;
  onChange(application: OfficerApplicationView): void;
  onSubmitted(slip: WalkInSlip): void;
}) {
  const { t, language } = useI18n();
  const api = useApi();
  const upload = useAction();
  const submit = useAction();
  const { application } = props;
  const base = `/walk-ins/${application.id}`;
  const missing = application.requirements.filter((r) => !r.uploaded);

  const send = (kind: string, file: File | undefined) => {
    if (!file) return;
    void upload.run(async () => {
      const updated = await api.upload<OfficerApplicationView>(`${base}/documents/${kind}`, file);
      if (updated) props.onChange(updated);
    });
  };

  return (
    <section className="card" aria-labelledby="walk-in-scans-title" data-testid="walk-in-scans">
      <h3 id="walk-in-scans-title">
        {fill(t('console.walkIn.scansTitle'), {
          number: application.number,
          name: application.applicant.fullName,
        })}
      </h3>
      <p className="hint">{t('console.walkIn.scansHint')}</p>
      <ul className="plain-list">
        {application.requirements.map((requirement) => (
          <li
            key={requirement.kind}
            data-testid={`walk-in-scan-${requirement.kind}`}
            data-uploaded={requirement.uploaded}
          >
            <label className="field">
              <span>
                {documentLabel(application, requirement.kind, language)}{' '}
                {requirement.uploaded ? <span className="done">✓ {t('console.walkIn.scanned')}</span> : null}
              </span>
              <input
                type="file"
                accept={SCAN_TYPES}
                capture="environment"
                disabled={upload.busy}
                onChange={(e) => send(requirement.kind, e.target.files?.[0])}
                data-testid={`walk-in-file-${requirement.kind}`}
              />
            </label>
          </li>
        ))}
      </ul>
      <ErrorAlert error={upload.error} testId="walk-in-scan-error" />
      {missing.length > 0 ? (
        <p className="hint" id="walk-in-scans-missing" data-testid="walk-in-scans-missing">
          {fill(t('console.walkIn.scansMissing'), { count: String(missing.length) })}
        </p>
      ) : null}
      <ErrorAlert error={submit.error} testId="walk-in-submit-error" />
      <button
        type="button"
        className="primary"
        disabled={submit.busy || upload.busy || missing.length > 0}
        aria-describedby={missing.length > 0 ? 'walk-in-scans-missing' : undefined}
        onClick={() =>
          void submit.run(async () => {
            const slip = await api.send<WalkInSlip>('POST', `${base}/submit`);
            if (slip) props.onSubmitted(slip);
          })
        }
        data-testid="walk-in-submit"
      >
        {t('console.walkIn.submit')}
      </button>
    </section>
  );
}
