import { useI18n } from '../i18n.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('console.loading')}
    </p>
  );
}
