import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAction, type ActionProps } from './useAction.ts';

/** Steps that are one confirmed button: the server does the work and answers with the application. */
function OneButtonStep(props: {
  explanation: MessageKey;
  label: MessageKey;
  testId: string;
  request(): Promise<OfficerApplicationView | null>;
  done: ActionProps;
}) {
  const { t } = useI18n();
  const action = useAction();
  const submit = () =>
    action.run(async () => {
      const answer = await props.request();
      if (answer) props.done.onChange(answer);
      else props.done.reload();
    });
  return (
    <>
      <p>{t(props.explanation)}</p>
      <ErrorAlert error={action.error} testId={`${props.testId}-error`} />
      <button
        type="button"
        className="primary"
        disabled={action.busy}
        onClick={() => void submit()}
        data-testid={props.testId}
      >
        {t(props.label)}
      </button>
    </>
  );
}

export function CheckInStep(props: ActionProps) {
  const api = useApi();
  return (
    <OneButtonStep
      explanation="console.checkInStep.explanation"
      label="console.checkIn.submit"
      testId="step-checkin-submit"
      request={() =>
        api.send<OfficerApplicationView>('POST', '/check-ins', {
          applicationNumber: props.application.number,
        })
      }
      done={props}
    />
  );
}

export function IssueStep(props: ActionProps) {
  const api = useApi();
  return (
    <OneButtonStep
      explanation="console.issue.explanation"
      label="console.issue.submit"
      testId="issue-submit"
      request={() => api.send<OfficerApplicationView>('POST', `/applications/${props.application.id}/issue`)}
      done={props}
    />
  );
}

export function HandOverStep(props: ActionProps) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [digits, setDigits] = useState('');
  const ready = /^\d{4}$/.test(digits);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    void action.run(async () => {
      const answer = await api.send<OfficerApplicationView>(
        'POST',
        `/applications/${props.application.id}/hand-over`,
        { nikLastDigits: digits },
      );
      if (answer) props.onChange(answer);
      else props.reload();
    });
  }
  return (
    <form onSubmit={submit} data-testid="handover-form">
      <p>{t('console.handOver.explanation')}</p>
      <label className="field">
        <span>{t('console.handOver.nik')}</span>
        <small id="handover-nik-hint">{t('console.handOver.nikHint')}</small>
        <input
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          pattern="\d{4}"
          required
          value={digits}
          aria-describedby="handover-nik-hint"
          onChange={(e) => setDigits(e.target.value.replace(/\D/g, ''))}
          data-testid="handover-nik"
        />
      </label>
      <ErrorAlert error={action.error} testId="handover-submit-error" />
      {!ready ? (
        <p className="hint" id="handover-missing">
          {t('console.handOver.nikMissing')}
        </p>
      ) : null}
      <button
        type="submit"
        className="primary"
        disabled={action.busy || !ready}
        aria-describedby={ready ? undefined : 'handover-missing'}
        data-testid="handover-submit"
      >
        {t('console.handOver.submit')}
      </button>
    </form>
  );
}
