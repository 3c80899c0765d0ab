import { useT } from './app/useT.ts';
import { Screen } from './components/Form.tsx';

/** A link that leads nowhere gets a real answer and a way on, never an endless "Memuat…" (issue 17). */
export function NotFoundScreen() {
  const { t } = useT();
  return (
    <Screen title={t('notFound.title')}>
      <p data-testid="not-found">{t('notFound.text')}</p>
      <a className="button primary" href="#/">
        {t('notFound.home')}
      </a>
    </Screen>
  );
}
