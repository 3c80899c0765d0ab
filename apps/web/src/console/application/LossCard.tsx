import type { LossReportView } from '#shared/contracts/losses.ts';
import type { OfficerApplicationView, OfficerView } from '#shared/contracts/officer.ts';
import { useState, type FormEvent } from 'react';
import { useAction } from '../actions/useAction.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { DecisionFields } from '../components/DecisionFields.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatRupiah } from '../format.ts';
import { fill } from '../../i18n/fill.ts';
import { useI18n } from '../i18n.ts';

const losses = new Set(['LOST', 'DAMAGED', 'LOST_FORCE_MAJEURE', 'DAMAGED_FORCE_MAJEURE']);
const decisions = ['ISSUE', 'DEFER', 'REFUSE'] as const;

/**
 * A lost or damaged passport at the visit (issue 16): the BAP a verifier records after check-in,
 * the head of office's decision, and the fine billed after it. Nothing is preselected.
 */
export function LossCard(props: {
  application: OfficerApplicationView;
  officer: OfficerView;
  reload(): void;
}) {
  const { t, language } = useI18n();
  const api = useApi();
  const { application } = props;
  const report = useResource(`loss:${application.id}:${application.status}`, () =>
    losses.has(application.replacementReason ?? '')
      ? api.get<LossReportView | null>(`/applications/${application.id}/loss-report`)
      : Promise.resolve(null),
  );
  if (!losses.has(application.replacementReason ?? '')) return null;
  const data = report.data;
  const open = application.status === 'CHECKED_IN' && !data?.decision;
  const roles = props.officer.roles as readonly string[];
  const done = () => {
    report.reload();
    props.reload();
  };
  return (
    <section className="card" aria-labelledby="loss-title" data-testid="loss-card">
      <h3 id="loss-title">{t('console.loss.title')}</h3>
      <p className="hint">{t('console.loss.intro')}</p>
      <ErrorAlert error={report.error} testId="loss-error" />
      {data ? <LossSummary report={data} language={language} /> : null}
      {open && roles.includes('VERIFIER') ? <ReportForm id={application.id} onDone={done} /> : null}
      {open && data ? (
        roles.includes('OFFICE_ADMIN') ? (
          <DecisionForm id={application.id} onDone={done} />
        ) : (
          <p className="hint">{t('console.loss.headOnly')}</p>
        )
      ) : null}
    </section>
  );
}

function LossSummary({ report, language }: { report: LossReportView; language: 'id' | 'en' }) {
  const { t } = useI18n();
  return (
    <div data-testid="loss-summary">
      <p>
        {fill(t('console.loss.recorded'), { name: report.recordedBy })}: {report.circumstances}
      </p>
      {report.decision ? (
        <p data-testid="loss-decision">
          {fill(t('console.loss.decided'), { decision: t(`console.loss.${report.decision}`) })}
          {report.decisionReason ? ` — ${report.decisionReason}` : ''}
        </p>
      ) : null}
      {report.fine ? (
        <p data-testid="loss-fine">
          {fill(t('console.loss.fine'), {
            amount: formatRupiah(report.fine.amount, language),
            code: report.fine.code,
          })}
          .{' '}
          {report.fine.paidAt
            ? fill(t('console.loss.finePaid'), { ntpn: report.fine.ntpn ?? '' })
            : t('console.loss.fineUnpaid')}
        </p>
      ) : report.decision === 'ISSUE' ? (
        <p>{t('console.loss.noFine')}</p>
      ) : null}
    </div>
  );
}

function ReportForm(props: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [form, setForm] = useState({
    circumstances: '',
    occurredOn: '',
    place: '',
    police: '',
    claimed: false,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      await api.send('PUT', `/applications/${props.id}/loss-report`, {
        circumstances: form.circumstances.trim(),
        ...(form.occurredOn ? { occurredOn: form.occurredOn } : {}),
        ...(form.place.trim() ? { place: form.place.trim() } : {}),
        ...(form.police.trim() ? { policeReportNumber: form.police.trim() } : {}),
        forceMajeureClaimed: form.claimed,
      });
      props.onDone();
    });
  }
  const text = (key: 'place' | 'police', label: 'console.loss.place' | 'console.loss.policeReport') => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        maxLength={200}
      />
    </label>
  );
  return (
    <form onSubmit={submit} data-testid="loss-report-form">
      <label className="field">
        <span>{t('console.loss.circumstances')}</span>
        <textarea
          rows={3}
          required
          minLength={10}
          maxLength={4000}
          value={form.circumstances}
          onChange={(e) => setForm({ ...form, circumstances: e.target.value })}
          data-testid="loss-circumstances"
        />
      </label>
      <label className="field">
        <span>{t('console.loss.occurredOn')}</span>
        <input
          type="date"
          value={form.occurredOn}
          onChange={(e) => setForm({ ...form, occurredOn: e.target.value })}
        />
      </label>
      {text('place', 'console.loss.place')}
      {text('police', 'console.loss.policeReport')}
      <label className="choice">
        <input
          type="checkbox"
          checked={form.claimed}
          onChange={(e) => setForm({ ...form, claimed: e.target.checked })}
        />
        {t('console.loss.forceMajeureClaimed')}
      </label>
      <ErrorAlert error={action.error} testId="loss-report-error" />
      <button type="submit" className="primary" disabled={action.busy} data-testid="loss-report-submit">
        {t('console.loss.record')}
      </button>
    </form>
  );
}

function DecisionForm(props: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [decision, setDecision] = useState<(typeof decisions)[number] | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [until, setUntil] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) return;
    void action.run(async () => {
      await api.send('POST', `/applications/${props.id}/loss-decision`, {
        decision,
        reason: reason.trim(),
        ...(decision === 'ISSUE' ? { forceMajeureConfirmed: confirmed } : {}),
        ...(decision === 'DEFER' ? { deferredUntil: until } : {}),
      });
      props.onDone();
    });
  }
  return (
    <form onSubmit={submit} data-testid="loss-decision-form">
      <DecisionFields<(typeof decisions)[number]>
        legend="console.loss.decision"
        options={decisions}
        label={(value) => t(`console.loss.${value}`)}
        value={decision}
        onChange={setDecision}
        reasonLabel="console.loss.reason"
        reason={reason}
        onReason={setReason}
        testId="loss-decision"
      >
        {decision === 'ISSUE' ? (
          <label className="choice">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t('console.loss.forceMajeureConfirmed')}
          </label>
        ) : null}
        {decision === 'DEFER' ? (
          <label className="field">
            <span>{t('console.loss.deferredUntil')}</span>
            <input type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
        ) : null}
      </DecisionFields>
      <ErrorAlert error={action.error} testId="loss-decision-error" />
      <button
        type="submit"
        className="primary"
        disabled={action.busy || !decision}
        data-testid="loss-decision-submit"
      >
        {t('console.loss.decide')}
      </button>
    </form>
  );
}
