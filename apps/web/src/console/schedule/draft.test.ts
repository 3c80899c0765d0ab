import { describe, expect, it } from 'vitest';
import { addClosure, nextSlot, releaseRuleOf, toggleWeekday } from './draft.ts';

describe('editing an office schedule draft', () => {
  it('when a weekday is ticked, then the days stay sorted and unique', () => {
    expect(toggleWeekday([1, 5], 3, true)).toEqual([1, 3, 5]);
    expect(toggleWeekday([1, 3, 5], 3, true)).toEqual([1, 3, 5]);
    expect(toggleWeekday([1, 3, 5], 3, false)).toEqual([1, 5]);
  });

  it('when a session is added, then it is the hour after the last one, or 08:00 on an empty day', () => {
    expect(nextSlot([])).toEqual({ start: '08:00', end: '09:00' });
    expect(nextSlot([{ start: '13:00', end: '14:30' }])).toEqual({ start: '14:30', end: '15:30' });
    expect(nextSlot([{ start: '22:00', end: '23:00' }])).toBeNull();
  });

  it('when the release rule changes kind, then the release time is kept', () => {
    expect(releaseRuleOf('ROLLING', { kind: 'WEEKLY', weekday: 5, time: '14:00' })).toEqual({
      kind: 'ROLLING',
      daysAhead: 14,
      time: '14:00',
    });
    expect(releaseRuleOf('WEEKLY', { kind: 'MONTHLY', time: '09:00' })).toEqual({
      kind: 'WEEKLY',
      weekday: 1,
      time: '09:00',
    });
  });

  it('when a closure is added for a day already closed, then it replaces that day’s reason', () => {
    const closures = addClosure([{ date: '2026-12-24', reason: 'Cuti bersama' }], '2026-12-01', ' Renovasi ');
    expect(addClosure(closures, '2026-12-24', 'Cuti bersama Natal')).toEqual([
      { date: '2026-12-01', reason: 'Renovasi' },
      { date: '2026-12-24', reason: 'Cuti bersama Natal' },
    ]);
  });
});
