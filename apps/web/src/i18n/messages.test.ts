import { describe, expect, it } from 'vitest';
import { en, id } from './messages.ts';

describe('web app translations', () => {
  it('have the same keys in Bahasa Indonesia and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)]) {
      expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('are translated, not copied (only the product name may match)', () => {
    const same = Object.keys(id).filter((key) => id[key as keyof typeof id] === en[key as keyof typeof en]);
    expect(same.sort()).toEqual(['app.name', 'console.statusColumn']);
  });
});
