import type { CommonMessageKey } from '../i18n/common-messages.ts';
import { useCatalog } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useCatalog<CommonMessageKey>();
  return (
    <button
      type="button"
      className="language-switch"
      aria-label={t('language.label')}
      onClick={() => setLanguage(language === 'id' ? 'en' : 'id')}
    >
      {t('language.switch')}
    </button>
  );
}
