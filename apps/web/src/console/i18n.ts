import { useCatalog, type I18n } from '../i18n/i18n.tsx';
import type { ConsoleMessageKey } from '../i18n/console-messages.ts';

/** The console's texts: only keys of its own catalogue (i18n/console-messages.ts) type-check. */
export type MessageKey = ConsoleMessageKey;

export function useI18n(): I18n<MessageKey> {
  return useCatalog<MessageKey>();
}
