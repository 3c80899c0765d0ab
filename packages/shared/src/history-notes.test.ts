import { describe, expect, it } from 'vitest';
import { historyNote } from './history-notes.ts';

const date = (iso: string) => `<${iso}>`;

describe('history notes in the reader’s language (issue 17)', () => {
  it('when a known note is read in English, then it is translated with its date formatted', () => {
    expect(historyNote('Siap diambil 2026-12-08', 'en', date)).toBe('Ready for pick-up on <2026-12-08>');
    expect(historyNote('Dokumen kurang: AKTA_LAHIR; paling lambat 2026-12-02', 'en', date)).toBe(
      'Documents missing: AKTA_LAHIR; bring them by <2026-12-02>',
    );
    expect(historyNote('Tidak dibayar dalam 2 jam', 'en', date)).toBe('Not paid within 2 hours');
  });

  it('when read in Bahasa Indonesia, then the words stay and only raw dates are formatted', () => {
    expect(historyNote('Siap diambil 2026-12-08', 'id', date)).toBe('Siap diambil <2026-12-08>');
  });

  it('when a note is not known (an officer’s own words), then it is shown as written', () => {
    expect(historyNote('Akta kelahiran tidak terbaca', 'en', date)).toBe('Akta kelahiran tidak terbaca');
  });
});
