import { useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
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
