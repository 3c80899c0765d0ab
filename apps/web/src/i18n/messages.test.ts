import { describe, expect, it } from 'vitest';
import { applicantCatalogs } from './applicant-messages.ts';
import { consoleCatalogs } from './console-messages.ts';

describe.each([
  ['applicant app', applicantCatalogs as Record<'id' | 'en', Record<string, string>>],
  ['officer console', consoleCatalogs as Record<'id' | 'en', Record<string, string>>],
])('the %s translations', (_app, { id, en }) => {
  it('have the same keys in Bahasa Indonesia and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)]) {
      expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });
});

describe('the translations of both apps', () => {
  it('are translated, not copied (only the product name and "Status" may match)', () => {
    const catalogs = [applicantCatalogs, consoleCatalogs] as Record<'id' | 'en', Record<string, string>>[];
    const same = catalogs.flatMap(({ id, en }) => Object.keys(id).filter((key) => id[key] === en[key]));
    expect([...new Set(same)].sort()).toEqual(['app.name', 'console.statusColumn']);
  });
});
