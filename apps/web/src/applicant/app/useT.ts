import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { fill } from './format.ts';

/** `t` with `{name}` values, and the language. */
export function useT() {
  const { t, language, setLanguage } = useI18n();
  return {
    language,
    setLanguage,
    t: (key: MessageKey, values?: Record<string, string | number>) =>
      values ? fill(t(key), values) : t(key),
  };
}
