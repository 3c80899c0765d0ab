import { describe, expect, it } from 'vitest';
import type { ReleaseProgress } from './contracts/releases.ts';
import { estimatedWaitSeconds, seatsLeftIn, ticketProgress } from './release-progress.ts';

/** Issue 14: a waiting ticket follows its release's public progress; these rules decide what it shows. */
const progress = (over: Partial<ReleaseProgress> = {}): ReleaseProgress => ({
  id: '6f1c2a5e-0000-4000-8000-000000000001',
  officeCode: 'BANDUNG',
  releaseAt: '2026-11-30T02:00:00.000Z',
  drawnAt: '2026-11-30T02:00:00.500Z',
  closedAt: null,
  soldOutAt: null,
  nextPosition: 11,
  lastPosition: 100,
  seed: 'a'.repeat(64),
  drawnTickets: 100,
  nextDrawKey: null,
  waiting: 90,
  outstanding: 4,
  seatsLeft: { REGULAR: 20, PRIORITY: 3 },
  admitPerSecond: 2,
  admissionMinutes: 10,
  ...over,
});
const queued = (position: number | null, pools = ['REGULAR']) => ({
  state: 'QUEUED' as const,
  position,
  pools,
  releaseAt: '2026-11-30T02:00:00.000Z',
  joinedAt: '2026-11-30T01:50:00.000Z',
});
/** A draw key whose first 48 bits put it at `share` of the way through the key space. */
const keyAt = (share: number) =>
  Math.floor(share * 2 ** 48)
    .toString(16)
    .padStart(12, '0') + '0'.repeat(52);
const drawnBefore = (drawKey: string) => ({ ...queued(null), state: 'WAITING_FOR_DRAW' as const, drawKey });

describe('a waiting ticket followed through the release progress', () => {
  it('counts only the seats of its own pools', () => {
    expect(seatsLeftIn({ REGULAR: 20, PRIORITY: 3, EXPRESS: -1 }, ['REGULAR', 'EXPRESS'])).toBe(20);
    expect(seatsLeftIn({ REGULAR: 20 }, ['PRIORITY'])).toBe(0);
  });

  it('before the draw, one without a place still waits for it', () => {
    const before = progress({ drawnAt: null, nextPosition: null, lastPosition: null, seed: null });
    expect(ticketProgress({ ...queued(null), state: 'WAITING_FOR_DRAW' }, before)).toEqual({
      state: 'WAITING_FOR_DRAW',
      position: null,
      ahead: null,
      estimatedWaitSeconds: null,
      seatsLeft: 20,
      approximate: false,
    });
  });

  it('once drawn, a ticket not placed yet and without its draw key must be read: its place is in its row', () => {
    expect(ticketProgress({ ...queued(null), state: 'WAITING_FOR_DRAW' }, progress())).toBeNull();
  });

  describe('drawn, with its own draw key and the next one published', () => {
    // 1,000 drawn; place 11 is next, its key a tenth of the way through the key space.
    const drawn = progress({ drawnTickets: 1_000, lastPosition: 1_000, nextDrawKey: keyAt(0.1) });

    it('far back, it estimates its place from the share of keys between the next one and its own', () => {
      // Halfway through the 989 places after the next: about 494 ahead.
      const followed = ticketProgress(drawnBefore(keyAt(0.55)), drawn);
      expect(followed).toMatchObject({ state: 'QUEUED', approximate: true, seatsLeft: 20 });
      expect(followed!.ahead).toBeGreaterThan(480);
      expect(followed!.ahead).toBeLessThan(510);
      expect(followed!.position).toBe(11 + followed!.ahead!);
      expect(followed!.estimatedWaitSeconds).toBe(600);
    });

    it('with a key below the next one its turn has come, and near the front its exact place is wanted: read it', () => {
      expect(ticketProgress(drawnBefore(keyAt(0.05)), drawn)).toBeNull();
      expect(ticketProgress(drawnBefore(keyAt(0.1)), drawn)).toBeNull();
      expect(ticketProgress(drawnBefore(keyAt(0.11)), drawn)).toBeNull();
    });

    it('a fast admission rate does not make the first seconds of the queue read their tickets', () => {
      // At 1,000 admissions a second, ~100 places ahead is a tenth of a second away: the estimate
      // does. Only the last 50 places before one's turn read the exact place.
      const fast = { ...drawn, admitPerSecond: 1_000, seatsLeft: { REGULAR: 1_000 } };
      const hundredAhead = ticketProgress(drawnBefore(keyAt(0.1 + (0.9 * 100) / 989)), fast);
      expect(hundredAhead).toMatchObject({ state: 'QUEUED', approximate: true, estimatedWaitSeconds: 1 });
      expect(hundredAhead!.ahead).toBeGreaterThan(90);
      expect(ticketProgress(drawnBefore(keyAt(0.1 + (0.9 * 30) / 989)), fast)).toBeNull();
    });

    it('with no seat left for it, it is sold out without a read', () => {
      const gone = { ...drawn, seatsLeft: { REGULAR: 0 } };
      expect(ticketProgress(drawnBefore(keyAt(0.55)), gone)).toMatchObject({ state: 'SOLD_OUT' });
    });

    it('joined after the instant it is placed by arrival, not by key: read it', () => {
      const late = { ...drawnBefore(keyAt(0.55)), joinedAt: '2026-11-30T02:00:00.200Z' };
      expect(ticketProgress(late, drawn)).toBeNull();
    });

    it('once the drawn places have all had their turn (no next key), it is read', () => {
      expect(ticketProgress(drawnBefore(keyAt(0.55)), { ...drawn, nextDrawKey: null })).toBeNull();
    });
  });

  it('queued behind the next place, it shows who is ahead and waits at the admission rate', () => {
    // 20 seats, 4 promised: 16 unpromised; 5 ahead at 2 per second is 3 s.
    expect(ticketProgress(queued(16), progress())).toEqual({
      state: 'QUEUED',
      ahead: 5,
      estimatedWaitSeconds: 3,
      seatsLeft: 20,
      position: 16,
      approximate: false,
    });
  });

  it('beyond the seats not yet promised, the honest wait is an admission lapsing', () => {
    expect(ticketProgress(queued(27), progress())?.estimatedWaitSeconds).toBe(600);
    expect(estimatedWaitSeconds(16, 16, { admitPerSecond: 2, admissionMinutes: 10 })).toBe(600);
  });

  it('when its turn has come, or nobody is left waiting, it must be read for its admission', () => {
    expect(ticketProgress(queued(10), progress())).toBeNull();
    expect(ticketProgress(queued(16), progress({ nextPosition: null }))).toBeNull();
  });

  it('with no seat left in its pools it is sold out at once, without reading it', () => {
    expect(ticketProgress(queued(16), progress({ seatsLeft: { REGULAR: 0, PRIORITY: 3 } }))).toEqual({
      state: 'SOLD_OUT',
      ahead: null,
      estimatedWaitSeconds: null,
      seatsLeft: 0,
      position: null,
      approximate: false,
    });
    // Its turn came before the last seat went: it may hold one of them, so it is read.
    expect(ticketProgress(queued(5), progress({ seatsLeft: { REGULAR: 0 } }))).toBeNull();
  });

  it('when the waiting room has ended, or the ticket is past waiting, it must be read', () => {
    expect(ticketProgress(queued(16), progress({ closedAt: '2026-11-30T02:05:00.000Z' }))).toBeNull();
    // Ended sold out: a turn that never came is SOLD_OUT unread; one that came may have booked.
    const soldOut = progress({
      closedAt: '2026-11-30T02:05:00.000Z',
      soldOutAt: '2026-11-30T02:05:00.000Z',
      seatsLeft: { REGULAR: 0 },
      drawnTickets: 1_000,
      nextDrawKey: keyAt(0.1),
    });
    expect(ticketProgress(queued(16), soldOut)).toMatchObject({ state: 'SOLD_OUT', approximate: false });
    expect(ticketProgress(drawnBefore(keyAt(0.5)), soldOut)).toMatchObject({ state: 'SOLD_OUT' });
    expect(ticketProgress(queued(5), soldOut)).toBeNull();
    expect(ticketProgress(drawnBefore(keyAt(0.05)), soldOut)).toBeNull();
    expect(ticketProgress({ ...queued(16), state: 'ADMITTED' }, progress())).toBeNull();
  });
});
