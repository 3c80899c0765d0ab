import { useI18n } from '../../i18n/i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('console.loading')}
    </p>
  );
}
