import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAction, type ActionProps } from './useAction.ts';

const decisions = ['APPROVE', 'REJECT'] as const;

/** The adjudicator's decision; a refusal must say why (the applicant is told). */
export function AdjudicationForm(props: ActionProps) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [decision, setDecision] = useState<(typeof decisions)[number] | null>(null);
  const [reason, setReason] = useState('');
  const interview = props.application.visit.interview;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) return;
    const body = { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    void action.run(async () => {
      const answer = await api.send<OfficerApplicationView>(
        'POST',
        `/applications/${props.application.id}/adjudication`,
        body,
      );
      if (answer) props.onChange(answer);
      else props.reload();
    });
  }

  return (
    <form onSubmit={submit} data-testid="adjudication-form">
      {interview ? (
        <p className="notice">
          {t('console.adjudication.recommended')}{' '}
          <strong>{t(`console.recommendation.${interview.recommendation}`)}</strong>
        </p>
      ) : null}
      <fieldset>
        <legend>{t('console.adjudication.decision')}</legend>
        {decisions.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="adjudication"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              data-testid={`adjudication-decision-${value}`}
            />
            {t(`console.decision.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>
          {t(decision === 'REJECT' ? 'console.adjudication.reasonRequired' : 'console.adjudication.reason')}
        </span>
        <textarea
          rows={3}
          maxLength={2000}
          required={decision === 'REJECT'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="adjudication-reason"
        />
      </label>
      {!decision ? (
        <p className="hint" id="adjudication-choose" data-testid="adjudication-choose">
          {t('console.chooseDecision')}
        </p>
      ) : null}
      <ErrorAlert error={action.error} testId="adjudication-error" />
      <button
        type="submit"
        className={decision === 'REJECT' ? 'danger' : 'primary'}
        disabled={action.busy || !decision}
        aria-describedby={decision ? undefined : 'adjudication-choose'}
        data-testid="adjudication-submit"
      >
        {t('console.adjudication.submit')}
      </button>
    </form>
  );
}
