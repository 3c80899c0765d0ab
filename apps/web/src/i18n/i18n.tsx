import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { isLanguage, negotiateLanguage, type Language } from '#shared/i18n.ts';
import { en, id, type MessageKey } from './messages.ts';

const catalogs: Record<Language, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'mpaspor.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : negotiateLanguage(navigator.languages.join(','));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: (key) => catalogs[language][key],
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
