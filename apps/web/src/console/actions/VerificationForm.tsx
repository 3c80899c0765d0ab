import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { documentLabel } from '../labels.ts';
import { useAction, type ActionProps } from './useAction.ts';

const decisions = ['ACCEPT', 'REJECT', 'MISSING_DOCUMENTS'] as const;
type Decision = (typeof decisions)[number];

/** Originals checked against the scans: accept, reject with a reason, or name what is missing. */
export function VerificationForm(props: ActionProps) {
  const { t, language } = useI18n();
  const api = useApi();
  const action = useAction();
  const { application } = props;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [pagesFull, setPagesFull] = useState(false);
  // Issue 16: "pages full" is the officer's finding with the old passport in hand.
  const asksPagesFull = application.replacementReason === 'PAGES_FULL' && decision === 'ACCEPT';

  const incomplete =
    (decision === 'MISSING_DOCUMENTS' && missing.length === 0) || (asksPagesFull && !pagesFull);

  function toggle(kind: string, checked: boolean) {
    setMissing((current) => (checked ? [...current, kind] : current.filter((k) => k !== kind)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) return;
    const body = {
      decision,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(decision === 'MISSING_DOCUMENTS' ? { missingDocuments: missing } : {}),
      ...(asksPagesFull ? { pagesFullConfirmed: pagesFull } : {}),
    };
    void action.run(async () => {
      const answer = await api.send<OfficerApplicationView>(
        'POST',
        `/applications/${application.id}/document-verification`,
        body,
      );
      if (answer) props.onChange(answer);
      else props.reload();
    });
  }

  return (
    <form onSubmit={submit} data-testid="verify-form">
      <fieldset>
        <legend>{t('console.verify.decision')}</legend>
        {decisions.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="decision"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              data-testid={`verify-decision-${value}`}
            />
            {t(`console.verify.${value}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'MISSING_DOCUMENTS' ? (
        <fieldset data-testid="verify-missing">
          <legend>{t('console.verify.missingDocuments')}</legend>
          {application.requiredDocuments.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="checkbox"
                checked={missing.includes(kind)}
                onChange={(e) => toggle(kind, e.target.checked)}
                data-testid={`verify-missing-${kind}`}
              />
              {documentLabel(application, kind, language)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {asksPagesFull ? (
        <label className="choice">
          <input
            type="checkbox"
            required
            checked={pagesFull}
            onChange={(e) => setPagesFull(e.target.checked)}
            data-testid="verify-pages-full"
          />
          {t('console.verify.pagesFull')}
        </label>
      ) : null}
      <label className="field">
        <span>{t(decision === 'REJECT' ? 'console.verify.reason' : 'console.verify.notes')}</span>
        <textarea
          rows={3}
          maxLength={2000}
          required={decision === 'REJECT'}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          data-testid="verify-notes"
        />
      </label>
      {!decision ? (
        <p className="hint" id="verify-choose" data-testid="verify-choose">
          {t('console.chooseDecision')}
        </p>
      ) : null}
      <ErrorAlert error={action.error} testId="verify-error" />
      <button
        type="submit"
        className={decision === 'REJECT' ? 'danger' : 'primary'}
        disabled={action.busy || incomplete || !decision}
        aria-describedby={decision ? undefined : 'verify-choose'}
        data-testid="verify-submit"
      >
        {t('console.verify.submit')}
      </button>
    </form>
  );
}
