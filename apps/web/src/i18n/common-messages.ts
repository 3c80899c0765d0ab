/** Texts both apps show: the product name and the language switch. */
export const commonId = {
  'app.name': 'M-Paspor',
  'language.switch': 'English',
  'language.label': 'Bahasa',
} as const;

export type CommonMessageKey = keyof typeof commonId;

export const commonEn: Record<CommonMessageKey, string> = {
  'app.name': 'M-Paspor',
  'language.switch': 'Bahasa Indonesia',
  'language.label': 'Language',
};
