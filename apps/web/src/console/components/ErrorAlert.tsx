import { useI18n, type MessageKey } from '../i18n.ts';
import { ApiError } from '../api.ts';

/** The server's own words (problem detail, field errors) in a live region read out on change. */
export function ErrorAlert(props: { error: unknown; testId?: string; fallback?: MessageKey }) {
  const { error, testId } = props;
  const { t } = useI18n();
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div role="alert" className="alert" data-testid={testId}>
      {error ? <p>{apiError ? apiError.detail : t(props.fallback ?? 'console.error.unexpected')}</p> : null}
      {apiError && apiError.fieldErrors.length > 0 ? (
        <ul>
          {apiError.fieldErrors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
