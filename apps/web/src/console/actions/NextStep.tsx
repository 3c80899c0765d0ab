import type { OfficerView } from '#shared/contracts/officer.ts';
import { officerRoleLabels } from '#shared/roles.ts';
import { useI18n } from '../i18n.ts';
import { formatDate } from '../format.ts';
import { stepFor } from '../steps.ts';
import { AdjudicationForm } from './AdjudicationForm.tsx';
import { BiometricsStep } from './BiometricsStep.tsx';
import { CheckInStep, HandOverStep, IssueStep } from './SimpleSteps.tsx';
import type { ActionProps } from './useAction.ts';
import { VerificationForm } from './VerificationForm.tsx';

/** The one step the status allows next, if this officer holds its role; otherwise who may do it. */
export function NextStep(props: ActionProps & { officer: OfficerView }) {
  const { t, language } = useI18n();
  const { application } = props;
  const step = stepFor(application.status, props.officer.roles);
  return (
    <section className="card step" aria-labelledby="step-title" data-testid="next-step">
      <h3 id="step-title">{t('console.step.title')}</h3>
      {application.readyDate ? (
        <p className="notice" data-testid="ready-date">
          {t('console.step.readyDate')} <strong>{formatDate(application.readyDate, language)}</strong>
        </p>
      ) : null}
      {!step ? (
        <p className="muted" data-testid="step-none">
          {t('console.step.none')}
        </p>
      ) : !step.allowed ? (
        <p className="muted" data-testid="step-not-allowed">
          {t(`console.step.${step.kind}`)}: {t('console.step.needsRole')}{' '}
          <strong>{officerRoleLabels[step.role][language]}</strong>
        </p>
      ) : (
        <>
          <h4>{t(`console.step.${step.kind}`)}</h4>
          <StepForm kind={step.kind} {...props} />
        </>
      )}
    </section>
  );
}

function StepForm({
  kind,
  ...props
}: ActionProps & { kind: NonNullable<ReturnType<typeof stepFor>>['kind'] }) {
  switch (kind) {
    case 'checkIn':
      return <CheckInStep {...props} />;
    case 'verification':
      return <VerificationForm {...props} />;
    case 'biometrics':
      return <BiometricsStep {...props} />;
    case 'adjudication':
      return <AdjudicationForm {...props} />;
    case 'issue':
      return <IssueStep {...props} />;
    case 'handOver':
      return <HandOverStep {...props} />;
  }
}
