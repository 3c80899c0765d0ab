import type { OfficerApplicationView, OfficerView } from '#shared/contracts/officer.ts';
import type { WalkInSlip } from '#shared/contracts/walk-ins.ts';
import { useState } from 'react';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n.ts';
import { QuotaPanel, type LaneQuota } from './QuotaPanel.tsx';
import { ScansStep } from './ScansStep.tsx';
import { SlipCard } from './SlipCard.tsx';
import { WalkInForm } from './WalkInForm.tsx';

type Step =
  { at: 'form' } | { at: 'scans'; application: OfficerApplicationView } | { at: 'slip'; slip: WalkInSlip };

/**
 * The walk-in counter (issue 16): today's quota left per lane, then one person at a time — the form,
 * the scans, the slip with the billing code. The quota is read again after each seat is taken.
 */
export function WalkInPage(props: { officer: OfficerView }) {
  const { t } = useI18n();
  const api = useApi();
  const quotas = useResource('walk-in-quotas', () => api.get<LaneQuota[]>('/walk-in-quotas'));
  const [step, setStep] = useState<Step>({ at: 'form' });
  const roles = props.officer.roles as readonly string[];
  return (
    <div className="walk-in-page">
      <PageHeading>{t('console.walkIn.title')}</PageHeading>
      <p className="hint no-print">{t('console.walkIn.intro')}</p>
      <div className="no-print">
        <QuotaPanel quotas={quotas} canSet={roles.includes('OFFICE_ADMIN')} />
      </div>
      {!roles.includes('COUNTER') ? (
        <p className="hint">{t('console.walkIn.counterOnly')}</p>
      ) : step.at === 'form' ? (
        <WalkInForm onFiled={(application) => setStep({ at: 'scans', application })} />
      ) : step.at === 'scans' ? (
        <ScansStep
          application={step.application}
          onChange={(application) => setStep({ at: 'scans', application })}
          onSubmitted={(slip) => {
            quotas.reload();
            setStep({ at: 'slip', slip });
          }}
        />
      ) : (
        <SlipCard slip={step.slip} onNext={() => setStep({ at: 'form' })} />
      )}
    </div>
  );
}
