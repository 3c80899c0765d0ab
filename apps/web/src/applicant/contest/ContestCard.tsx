import type { ContestState } from '#shared/contracts/contests.ts';
import { useState } from 'react';
import { apiJson } from '../api/client.ts';
import { uploadFile } from '../api/upload.ts';
import { longDate } from '../app/format.ts';
import { useLoad } from '../app/useLoad.ts';
import { useSubmit } from '../app/useSubmit.ts';
import { useT } from '../app/useT.ts';
import { ErrorText } from '../components/Form.tsx';

const ACCEPTED = 'image/jpeg,image/png,application/pdf';

/**
 * A rejected application's one objection (keberatan, issue 16): the last day to file it, a new document,
 * the reason; then the objection's state until another officer of the office decides it.
 */
export function ContestCard(props: { applicationId: string }) {
  const { t, language } = useT();
  const path = `/applications/${encodeURIComponent(props.applicationId)}/contest`;
  const state = useLoad(`contest:${props.applicationId}`, () => apiJson<ContestState>(path));
  const [reason, setReason] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useSubmit(async () => {
    const input = document.getElementById('contest-evidence') as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) return;
    await uploadFile(`${path}/evidence`, file, language, setProgress);
    state.setData(await apiJson<ContestState>(path));
  });
  const file = useSubmit(async () => {
    state.setData(await apiJson<ContestState>(path, { method: 'POST', json: { reason: reason.trim() } }));
  });
  const data = state.data;
  if (!data || (!data.canFile && !data.contest)) return null;
  if (data.contest) {
    const { contest } = data;
    return (
      <section
        className="card"
        aria-labelledby="contest-title"
        data-testid="contest"
        data-status={contest.status}
      >
        <h2 id="contest-title">{t('contest.title')}</h2>
        <p role="status">
          {t(`contest.status.${contest.status}`, { date: longDate(contest.decideBy, language) })}
        </p>
        {contest.decision && <p>{contest.decision.reason}</p>}
      </section>
    );
  }
  const missing = !data.evidence
    ? t('contest.needEvidence')
    : reason.trim().length < 10
      ? t('contest.needReason')
      : null;
  return (
    <section className="card" aria-labelledby="contest-title" data-testid="contest">
      <h2 id="contest-title">{t('contest.title')}</h2>
      <p>{t('contest.intro', { date: data.fileBy ? longDate(data.fileBy, language) : '' })}</p>
      <div className="field">
        <label htmlFor="contest-evidence">{t('contest.evidence')}</label>
        <p className="hint" id="contest-evidence-hint">
          {t('contest.evidenceHint')}
        </p>
        <input
          id="contest-evidence"
          type="file"
          accept={ACCEPTED}
          aria-describedby="contest-evidence-hint"
          disabled={upload.busy}
          onChange={() => void upload.run()}
          data-testid="contest-evidence"
        />
        {upload.busy && progress !== null && <progress value={progress} max={1} />}
        {data.evidence && (
          <p className="notice" data-testid="contest-evidence-done">
            {t('contest.evidenceDone')}
          </p>
        )}
      </div>
      <ErrorText error={upload.error} />
      <form onSubmit={file.onSubmit}>
        <div className="field">
          <label htmlFor="contest-reason">{t('contest.reason')}</label>
          <textarea
            id="contest-reason"
            rows={4}
            minLength={10}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="contest-reason"
          />
        </div>
        <ErrorText error={file.error} />
        {missing && (
          <p className="hint" id="contest-missing">
            {missing}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={missing !== null || file.busy}
          aria-describedby={missing ? 'contest-missing' : undefined}
          data-testid="contest-submit"
        >
          {t('contest.submit')}
        </button>
      </form>
    </section>
  );
}
