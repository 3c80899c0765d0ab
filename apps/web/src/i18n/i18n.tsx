import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { isLanguage, negotiateLanguage, type Language } from '#shared/i18n.ts';

/** One app's texts per language; each app's entry passes its own, so neither ships the other's. */
export type Catalogs<Key extends string> = Record<Language, Record<Key, string>>;

const STORAGE_KEY = 'mpaspor.language';

export interface I18n<Key extends string> {
  language: Language;
  setLanguage(language: Language): void;
  t(key: Key): string;
}

const I18nContext = createContext<I18n<string> | null>(null);

/** The stored choice, else the browser's preference; main.tsx asks it before the first render too. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : negotiateLanguage(navigator.languages.join(','));
}

export function I18nProvider<Key extends string>(props: { catalogs: Catalogs<Key>; children: ReactNode }) {
  const { catalogs } = props;
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n<string>>(
    () => ({
      language,
      setLanguage(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: (key) => catalogs[language][key as Key],
    }),
    [language, catalogs],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/**
 * The texts of the app around the caller. Each app wraps this with its own key type (applicant
 * `useT`, console `useI18n`), so a screen cannot name a text its app's catalogue does not hold.
 */
export function useCatalog<Key extends string>(): I18n<Key> {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useCatalog outside I18nProvider');
  return context;
}
