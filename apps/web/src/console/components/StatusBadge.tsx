import { statusLabels, type ApplicationStatus } from '#shared/statuses.ts';
import { useI18n } from '../i18n.ts';

/** The status in the officer's language, from the shared table (the server's label is in the request's). */
export function StatusBadge({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const { language } = useI18n();
  return (
    <span className={`status status--${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {statusLabels[status][language]}
    </span>
  );
}
