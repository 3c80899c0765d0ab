import { describe, expect, it } from 'vitest';
import type { OfficeReleases, ReleaseRecord } from '#shared/contracts/releases.ts';
import {
  bookingStep,
  figureText,
  isFinal,
  narrowOffset,
  offsetMs,
  pollDelayMs,
  releasePhase,
  retryDelayMs,
  ticketMessageKey,
  waitText,
} from './logic.ts';

const releaseAt = '2026-11-30T01:00:00.000Z';
const queueOpensAt = '2026-11-30T00:45:00.000Z';
const at = (iso: string, deltaMs = 0) => Date.parse(iso) + deltaMs;
const next = { releaseAt, queueOpensAt, seats: 120 };
const record = (closedAt: string | null) => ({ releaseAt, closedAt }) as unknown as ReleaseRecord;
const offices = (releases: OfficeReleases['releases'], n = next): OfficeReleases => ({ next: n, releases });

describe('releasePhase', () => {
  it('when no release is ahead, then the slot list as usual', () => {
    expect(releasePhase({ next: null, releases: [] }, at(releaseAt))).toEqual({ kind: 'none' });
  });

  it('when the queue has not opened, then the slot list with the coming release', () => {
    expect(releasePhase(offices([]), at(queueOpensAt, -1))).toMatchObject({ kind: 'upcoming', releaseAt });
  });

  it('when the queue is open before the instant, then the waiting room, window or not', () => {
    expect(releasePhase(offices([]), at(queueOpensAt)).kind).toBe('queue');
    expect(releasePhase(offices([record(null)]), at(releaseAt, -1)).kind).toBe('queue');
  });

  it('when past the instant, then the waiting room only while its window runs', () => {
    expect(releasePhase(offices([record(null)]), at(releaseAt, 60_000)).kind).toBe('queue');
    expect(releasePhase(offices([record(releaseAt)]), at(releaseAt, 60_000)).kind).toBe('none');
    expect(releasePhase(offices([]), at(releaseAt, 60_000)).kind).toBe('none');
  });
});

describe('pollDelayMs', () => {
  const none = () => 0;
  const ticket = (
    state: 'QUEUED' | 'ADMITTED' | 'WAITING_FOR_DRAW',
    estimatedWaitSeconds: number | null,
  ) => ({
    state,
    estimatedWaitSeconds,
    releaseAt,
  });

  it('when queued, then a third of the estimated wait, between 0.5 s and 5 s', () => {
    expect(pollDelayMs(ticket('QUEUED', 6), 0, none)).toBe(2_000);
    expect(pollDelayMs(ticket('QUEUED', 0), 0, none)).toBe(500);
    expect(pollDelayMs(ticket('QUEUED', 600), 0, none)).toBe(5_000);
    expect(pollDelayMs(ticket('ADMITTED', null), 0, none)).toBe(5_000);
  });

  it('when waiting for the draw, then the time left to the instant, within the same bounds', () => {
    expect(pollDelayMs(ticket('WAITING_FOR_DRAW', null), at(releaseAt, -60_000), none)).toBe(5_000);
    expect(pollDelayMs(ticket('WAITING_FOR_DRAW', null), at(releaseAt, -1_500), none)).toBe(1_500);
    expect(pollDelayMs(ticket('WAITING_FOR_DRAW', null), at(releaseAt, 3_000), none)).toBe(500);
  });

  it('when jittered, then at most 20 % later, never sooner', () => {
    expect(pollDelayMs(ticket('QUEUED', 6), 0, () => 0.999)).toBe(2_400);
    expect(pollDelayMs(ticket('QUEUED', 600), 0, () => 1)).toBe(6_000);
  });

  it.each(['BOOKED', 'SOLD_OUT', 'CLOSED', 'EXPIRED'] as const)('when %s, then polling stops', (state) => {
    expect(isFinal(state)).toBe(true);
    expect(pollDelayMs({ state, estimatedWaitSeconds: null, releaseAt }, 0, none)).toBeNull();
  });

  it('when reads fail, then the retries back off from 1 s to at most 30 s', () => {
    expect([1, 2, 3, 6, 20].map((n) => retryDelayMs(n, none))).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});

describe('what a ticket says', () => {
  it('when a state is named, then its message key follows it', () => {
    expect(ticketMessageKey('SOLD_OUT')).toBe('release.state.SOLD_OUT');
    expect(isFinal('QUEUED')).toBe(false);
  });

  it('when the wait is under a minute, then seconds; else whole minutes rounded up', () => {
    expect(waitText(0)).toEqual({ key: 'release.wait.seconds', n: 1 });
    expect(waitText(42)).toEqual({ key: 'release.wait.seconds', n: 42 });
    expect(waitText(61)).toEqual({ key: 'release.wait.minutes', n: 2 });
  });

  it('when the place is estimated from the draw keys, then it says so; unknown is a dash', () => {
    expect(figureText(494, true)).toBe('± 494');
    expect(figureText(7)).toBe('7');
    expect(figureText(0, false)).toBe('0');
    expect(figureText(null, true)).toBe('—');
  });
});

describe('narrowOffset', () => {
  it('when answers come in, then the offset narrows to where their bounds overlap', () => {
    const first = narrowOffset(null, { date: 'Mon, 30 Nov 2026 01:00:00 GMT', sentAt: 0, receivedAt: 400 });
    const server = Date.parse('2026-11-30T01:00:00Z');
    expect(first).toEqual({ lo: server - 400, hi: server + 1_000 });
    const second = narrowOffset(first, {
      date: 'Mon, 30 Nov 2026 01:00:02 GMT',
      sentAt: 1_500,
      receivedAt: 1_700,
    });
    expect(second).toEqual({ lo: server + 300, hi: server + 1_000 });
    expect(offsetMs(second)).toBe(server + 650);
  });

  it('when the phone’s clock jumped between answers, then the new answer alone counts', () => {
    const first = narrowOffset(null, { date: 'Mon, 30 Nov 2026 01:00:00 GMT', sentAt: 0, receivedAt: 100 });
    const jumped = { date: 'Mon, 30 Nov 2026 01:00:00 GMT', sentAt: 3_600_000, receivedAt: 3_600_100 };
    expect(narrowOffset(first, jumped)).toEqual(narrowOffset(null, jumped));
  });

  it('when there is no date header, then the offset stays as it was', () => {
    expect(narrowOffset(null, { date: null, sentAt: 0, receivedAt: 1 })).toBeNull();
    expect(offsetMs(null)).toBe(0);
  });
});

describe('bookingStep', () => {
  const step = (input: Partial<Parameters<typeof bookingStep>[0]>) =>
    bookingStep({
      phase: 'none',
      ticket: null,
      ticketPending: false,
      gated: false,
      otherDates: false,
      ...input,
    });

  it('when no queue gates the office, then the slot list; while unknown, nothing yet', () => {
    expect(step({})).toBe('slots');
    expect(step({ phase: 'upcoming' })).toBe('slots');
    expect(step({ phase: null })).toBe('loading');
    expect(step({ ticketPending: true })).toBe('loading');
  });

  it('when the queue is open or a submit was refused for want of admission, then the waiting room', () => {
    expect(step({ phase: 'queue' })).toBe('waiting');
    expect(step({ gated: true })).toBe('waiting');
    expect(step({ phase: 'queue', ticket: 'QUEUED' })).toBe('waiting');
  });

  it('when the ticket moves on, then its state decides', () => {
    expect(step({ phase: 'queue', ticket: 'ADMITTED' })).toBe('admitted');
    expect(step({ phase: 'queue', ticket: 'CLOSED' })).toBe('slots');
    expect(step({ phase: 'queue', ticket: 'BOOKED' })).toBe('booked');
    expect(step({ phase: 'queue', ticket: 'SOLD_OUT' })).toBe('ended');
    expect(step({ phase: 'queue', ticket: 'SOLD_OUT', otherDates: true })).toBe('slots');
    expect(step({ phase: 'queue', ticket: 'EXPIRED', gated: true })).toBe('ended');
  });
});
