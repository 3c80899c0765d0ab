import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../platform/clock.ts';
import { createAvailability, type SessionQuery } from './availability.ts';
import type { SessionView } from './service.ts';

/** The crowd's listing cache (issue 14, item 6): kept a second, read once, dropped on our own changes. */
const query: SessionQuery = { service: 'REGULAR' };
const session = (available: number): SessionView => ({
  id: '11111111-1111-4111-8111-111111111111',
  date: '2026-12-08',
  start: '08:00',
  end: '09:00',
  service: 'REGULAR',
  capacity: 20,
  available,
  startsAt: '2026-12-08T01:00:00.000Z',
  timeZone: 'Asia/Jakarta',
});

function counted(available: () => number) {
  const calls = { count: 0 };
  const list = async () => {
    calls.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return [session(available())];
  };
  return { calls, list };
}

describe('a session listing kept for the crowd', () => {
  it('when many ask within the second, then the database is read once and all get the same ETag', async () => {
    const clock = new FixedClock('2026-12-04T02:00:00Z');
    const { calls, list } = counted(() => 5);
    const availability = createAvailability({ clock, list });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => availability.listing('BANDUNG', query)),
    );
    expect(calls.count).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(JSON.parse(answers[0]!.json)[0].available).toBe(5);
  });

  it('when the second has passed, then it is read again', async () => {
    const clock = new FixedClock('2026-12-04T02:00:00Z');
    let seats = 5;
    const { calls, list } = counted(() => seats);
    const availability = createAvailability({ clock, list });
    await availability.listing('BANDUNG', query);
    seats = 4;
    expect(JSON.parse((await availability.listing('BANDUNG', query)).json)[0].available).toBe(5);
    clock.advance(1_000);
    expect(JSON.parse((await availability.listing('BANDUNG', query)).json)[0].available).toBe(4);
    expect(calls.count).toBe(2);
  });

  it('when a seat changes in this process, then the next listing shows it at once', async () => {
    const clock = new FixedClock('2026-12-04T02:00:00Z');
    let seats = 5;
    const { calls, list } = counted(() => seats);
    const availability = createAvailability({ clock, list });
    const before = await availability.listing('BANDUNG', query);
    seats = 4;
    availability.changed();
    const after = await availability.listing('BANDUNG', query);
    expect(JSON.parse(after.json)[0].available).toBe(4);
    expect(after.etag).not.toBe(before.etag);
    expect(calls.count).toBe(2);
  });

  it('when a change lands while a listing is being read, then that listing is not kept', async () => {
    const clock = new FixedClock('2026-12-04T02:00:00Z');
    let seats = 5;
    const { calls, list } = counted(() => seats);
    const availability = createAvailability({ clock, list });
    const reading = availability.listing('BANDUNG', query);
    availability.changed();
    await reading;
    seats = 3;
    expect(JSON.parse((await availability.listing('BANDUNG', query)).json)[0].available).toBe(3);
    expect(calls.count).toBe(2);
  });

  it('when the read fails, then the failure is not kept', async () => {
    const clock = new FixedClock('2026-12-04T02:00:00Z');
    let fail = true;
    const availability = createAvailability({
      clock,
      list: async () => {
        if (fail) throw new Error('unknown office');
        return [session(2)];
      },
    });
    await expect(availability.listing('NOWHERE', query)).rejects.toThrow('unknown office');
    fail = false;
    expect(JSON.parse((await availability.listing('NOWHERE', query)).json)).toHaveLength(1);
  });

  it('when the listings kept pass their byte budget, then the oldest are dropped first', async () => {
    const clock = new FixedClock('2026-12-04T02:00:00Z');
    const { calls, list } = counted(() => 1);
    const availability = createAvailability({ clock, list, maxBytes: 1_000 });
    for (const code of ['A1', 'A2', 'A3', 'A4', 'A5']) await availability.listing(code, query);
    expect(calls.count).toBe(5);
    await availability.listing('A5', query); // the newest is kept
    expect(calls.count).toBe(5);
    await availability.listing('A1', query); // the oldest was dropped
    expect(calls.count).toBe(6);
  });
});
