import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.ts';
import { useApi } from '../app/useApi.ts';
import { useResource } from '../app/useResource.ts';
import { useAction } from '../actions/useAction.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { ClosuresEditor } from './ClosuresEditor.tsx';
import type { Schedule } from './draft.ts';
import { ReleaseRuleEditor } from './ReleaseRuleEditor.tsx';
import type { PreviewDay } from './preview.ts';
import { SchedulePreview } from './SchedulePreview.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

/**
 * Load, edit, preview, save. Saving is offered only for the draft just previewed, so an admin always
 * sees the sessions and release instants a change will create before it takes effect.
 */
export function ScheduleWorkspace({ officeCode }: { officeCode: string }) {
  const { t } = useI18n();
  const api = useApi();
  const path = `/offices/${encodeURIComponent(officeCode)}/schedule`;
  const loaded = useResource(`schedule:${officeCode}`, () => api.get<Schedule>(path));
  const [draft, setDraft] = useState<Schedule | null>(null);
  const [preview, setPreview] = useState<{ of: string; days: PreviewDay[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  useEffect(() => setDraft(loaded.data), [loaded.data]);

  if (!draft) return loaded.error ? <ErrorAlert error={loaded.error} /> : <Loading />;

  const current = JSON.stringify(draft);
  const previewed = preview?.of === current;
  const edit = (next: Schedule) => {
    setDraft(next);
    setSaved(false);
  };

  const runPreview = () =>
    action.run(async () => {
      const days = await api.send<PreviewDay[]>('POST', `${path}/preview`, draft);
      setPreview({ of: current, days: days ?? [] });
    });
  const save = () =>
    action.run(async () => {
      const answer = await api.send<Schedule>('PUT', path, draft);
      if (answer) setDraft(answer);
      setPreview(null);
      setSaved(true);
    });

  return (
    <div className="schedule" data-testid="schedule-editor">
      <TemplateEditor draft={draft} onChange={edit} />
      <ReleaseRuleEditor draft={draft} onChange={edit} />
      <ClosuresEditor draft={draft} onChange={edit} />
      <ErrorAlert error={action.error} testId="schedule-error" />
      <p role="status" className="notice" hidden={!saved} data-testid="schedule-saved">
        {saved ? t('console.schedule.saved') : ''}
      </p>
      <div className="actions sticky-actions">
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void runPreview()}
          data-testid="schedule-preview"
        >
          {t('console.schedule.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={action.busy || !previewed}
          onClick={() => void save()}
          aria-describedby="save-hint"
          data-testid="schedule-save"
        >
          {t('console.schedule.save')}
        </button>
        <small id="save-hint" className="muted">
          {previewed ? t('console.schedule.saveReady') : t('console.schedule.previewFirst')}
        </small>
      </div>
      {preview ? <SchedulePreview days={preview.days} stale={!previewed} /> : null}
    </div>
  );
}
