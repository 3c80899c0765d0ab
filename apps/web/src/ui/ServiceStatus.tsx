import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

type State = 'checking' | 'ready' | 'down';

/** Asks the server whether it can serve (database answers) and says so plainly. */
export function ServiceStatus() {
  const { t } = useI18n();
  const [state, setState] = useState<State>('checking');
  useEffect(() => {
    let cancelled = false;
    fetch('/readyz')
      .then((response) => !cancelled && setState(response.ok ? 'ready' : 'down'))
      .catch(() => !cancelled && setState('down'));
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <p className={`service-status service-status--${state}`} role="status">
      {t(`status.${state}`)}
    </p>
  );
}
