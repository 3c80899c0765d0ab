import { statusLabels, type ApplicationStatus } from '#shared/statuses.ts';
import { useT } from '../app/useT.ts';

/** The status in words (and colour as a second cue only). */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t, language } = useT();
  return (
    <p className="status-line">
      {t('apps.statusLabel')}:{' '}
      <strong className={`badge badge--${status}`} data-testid="application-status" data-status={status}>
        {statusLabels[status][language]}
      </strong>
    </p>
  );
}
