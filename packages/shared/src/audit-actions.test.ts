import { describe, expect, it } from 'vitest';
import { auditActionLabels, auditDetailLines } from './audit-actions.ts';

describe('the audit log in words (issue 17)', () => {
  it('when an action is a known code, then it reads in both languages', () => {
    expect(auditActionLabels['hand-over']).toEqual({
      id: 'Menyerahkan paspor',
      en: 'Handed over the passport',
    });
    for (const label of Object.values(auditActionLabels)) {
      expect(label.id.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
  });

  it('when details are recorded, then they read as labelled pairs: booleans as words, empties dropped, nesting summarised', () => {
    expect(
      auditDetailLines({ decision: 'APPROVE', fourEyes: true, reason: '', schedule: { days: [] } }, 'id'),
    ).toEqual([
      { label: 'keputusan', value: 'APPROVE' },
      { label: 'empat mata', value: 'ya' },
      { label: 'schedule', value: '(rincian tersimpan)' },
    ]);
    expect(auditDetailLines({}, 'en')).toEqual([]);
  });
});
