import type { CommonMessageKey } from '../i18n/common-messages.ts';
import { useCatalog } from '../i18n/i18n.tsx';

/**
 * The visible label ("English" / "Bahasa Indonesia") is the accessible name, in the language it names
 * (WCAG 2.5.3 label in name: a voice user says what they see); `title` says what it does.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useCatalog<CommonMessageKey>();
  return (
    <button
      type="button"
      className="language-switch"
      lang={language === 'id' ? 'en' : 'id'}
      title={t('language.label')}
      onClick={() => setLanguage(language === 'id' ? 'en' : 'id')}
    >
      {t('language.switch')}
    </button>
  );
}
