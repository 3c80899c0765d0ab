import { describe, expect, it } from 'vitest';
import { summariseDay, type PreviewSession } from './preview.ts';

const session = (start: string, service: string, capacity: number): PreviewSession => ({
  start,
  end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`,
  service,
  capacity,
  releasedAt: '2026-11-27T07:00:00.000Z',
});

describe('a previewed day in one line', () => {
  it('when slots repeat per pool, then each slot is listed once and seats are summed for the day', () => {
    const day = summariseDay([
      session('09:00', 'PRIORITY', 5),
      session('08:00', 'REGULAR', 30),
      session('08:00', 'PRIORITY', 5),
      session('09:00', 'REGULAR', 20),
    ]);
    expect(day.slots).toEqual(['08:00–09:00', '09:00–10:00']);
    expect(day.pools).toEqual([
      { pool: 'REGULAR', min: 20, max: 30 },
      { pool: 'PRIORITY', min: 5, max: 5 },
    ]);
    expect(day.total).toBe(60);
    expect(day.released).toEqual(['2026-11-27T07:00:00.000Z']);
  });

  it('when the office is closed, then the day is empty', () => {
    expect(summariseDay([])).toEqual({ slots: [], pools: [], total: 0, released: [] });
  });
});
