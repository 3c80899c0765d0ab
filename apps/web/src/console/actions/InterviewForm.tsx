import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAction, type ActionProps } from './useAction.ts';

const recommendations = ['APPROVE', 'REJECT'] as const;

/** The interviewer's notes and recommendation; the answer carries the date the passport will be ready. */
export function InterviewForm(props: ActionProps & { ready: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [notes, setNotes] = useState('');
  const [recommendation, setRecommendation] = useState<(typeof recommendations)[number] | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!recommendation) return;
    void action.run(async () => {
      const answer = await api.send<OfficerApplicationView>(
        'POST',
        `/applications/${props.application.id}/interview`,
        { notes: notes.trim(), recommendation },
      );
      if (answer) props.onChange(answer);
      else props.reload();
    });
  }

  return (
    <form onSubmit={submit} data-testid="interview-form">
      {!props.ready ? <p className="muted">{t('console.interview.waiting')}</p> : null}
      <label className="field">
        <span>{t('console.interview.notes')}</span>
        <textarea
          rows={4}
          required
          maxLength={4000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          data-testid="interview-notes"
        />
      </label>
      <fieldset>
        <legend>{t('console.interview.recommendation')}</legend>
        {recommendations.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="recommendation"
              value={value}
              checked={recommendation === value}
              onChange={() => setRecommendation(value)}
              data-testid={`interview-recommendation-${value}`}
            />
            {t(`console.recommendation.${value}`)}
          </label>
        ))}
      </fieldset>
      {!recommendation ? (
        <p className="hint" id="interview-choose" data-testid="interview-choose">
          {t('console.chooseDecision')}
        </p>
      ) : null}
      <ErrorAlert error={action.error} testId="interview-error" />
      <button
        type="submit"
        className="primary"
        disabled={action.busy || !props.ready || !notes.trim() || !recommendation}
        aria-describedby={recommendation ? undefined : 'interview-choose'}
        data-testid="interview-submit"
      >
        {t('console.interview.submit')}
      </button>
    </form>
  );
}
