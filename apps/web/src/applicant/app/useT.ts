import type { ApplicantMessageKey } from '../../i18n/applicant-messages.ts';
import { useCatalog } from '../../i18n/i18n.tsx';
import { fill } from './format.ts';

/** `t` with `{name}` values, and the language; only the applicant catalogue's keys type-check. */
export function useT() {
  const { t, language, setLanguage } = useCatalog<ApplicantMessageKey>();
  return {
    language,
    setLanguage,
    t: (key: ApplicantMessageKey, values?: Record<string, string | number>) =>
      values ? fill(t(key), values) : t(key),
  };
}
