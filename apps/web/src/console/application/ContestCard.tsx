import type { ContestState } from '#shared/contracts/contests.ts';
import type { OfficerApplicationView, OfficerView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useAction } from '../actions/useAction.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { DecisionFields } from '../components/DecisionFields.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDate, formatInstant } from '../format.ts';
import { fill } from '../../i18n/fill.ts';
import { useI18n } from '../i18n.ts';

const decisions = ['UPHOLD', 'OVERTURN'] as const;

/**
 * The applicant's objection to a rejection (keberatan, issue 16): what they say and by when it must be
 * decided; an adjudicator other than the officer who rejected decides. Nothing is preselected.
 */
export function ContestCard(props: {
  application: OfficerApplicationView;
  officer: OfficerView;
  reload(): void;
}) {
  const { t, language } = useI18n();
  const api = useApi();
  const { application } = props;
  const state = useResource(`contest:${application.id}:${application.status}`, () =>
    application.status === 'REJECTED' || application.history.some((h) => h.status === 'REJECTED')
      ? api.get<ContestState>(`/applications/${application.id}/contest`)
      : Promise.resolve(null),
  );
  const contest = state.data?.contest;
  if (!contest) return null;
  const pending = contest.status === 'PENDING' && application.status === 'REJECTED';
  const adjudicator = (props.officer.roles as readonly string[]).includes('ADJUDICATOR');
  return (
    <section
      className="card"
      aria-labelledby="contest-title"
      data-testid="contest-card"
      data-status={contest.status}
    >
      <h3 id="contest-title">{t('console.contest.title')}</h3>
      <ErrorAlert error={state.error} testId="contest-error" />
      <p>
        {fill(t('console.contest.filed'), { at: formatInstant(contest.filedAt, language) })}: {contest.reason}
      </p>
      <p className="hint">
        {fill(t(`console.contest.status.${contest.status}`), {
          date: formatDate(contest.decideBy, language),
        })}
        {contest.decision ? ` — ${contest.decision.reason} (${contest.decision.decidedBy})` : ''}
      </p>
      {pending && adjudicator ? (
        <DecisionForm
          id={application.id}
          onDone={() => {
            state.reload();
            props.reload();
          }}
        />
      ) : pending ? (
        <p className="hint">{t('console.contest.adjudicatorOnly')}</p>
      ) : null}
    </section>
  );
}

function DecisionForm(props: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [decision, setDecision] = useState<(typeof decisions)[number] | null>(null);
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) return;
    void action.run(async () => {
      await api.send('POST', `/applications/${props.id}/contest-decision`, {
        decision,
        reason: reason.trim(),
      });
      props.onDone();
    });
  }
  return (
    <form onSubmit={submit} data-testid="contest-decision-form">
      <DecisionFields<(typeof decisions)[number]>
        legend="console.contest.decision"
        options={decisions}
        label={(value) => t(`console.contest.${value}`)}
        value={decision}
        onChange={setDecision}
        reasonLabel="console.contest.reason"
        reason={reason}
        onReason={setReason}
        testId="contest-decision"
      />
      <ErrorAlert error={action.error} testId="contest-decision-error" />
      <button
        type="submit"
        className="primary"
        disabled={action.busy || !decision}
        data-testid="contest-decision-submit"
      >
        {t('console.contest.decide')}
      </button>
    </form>
  );
}
