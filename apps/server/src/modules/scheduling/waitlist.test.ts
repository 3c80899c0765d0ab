import { describe, expect, it } from 'vitest';
import {
  defaultWaitlistSettings as settings,
  noShowsSince,
  offerable,
  offerExpiresAt,
  offerableAfter,
} from './waitlist.ts';

const at = (iso: string) => new Date(iso);

describe('waitlist rules (issue 15)', () => {
  it('when the hold (30 min) and the 2 hours to pay (DOMAIN.md) fit before the session, then the seat is offered', () => {
    const now = at('2026-12-07T01:00:00Z');
    expect(offerable(at('2026-12-07T03:30:00Z'), now, settings)).toBe(true);
    expect(offerable(at('2026-12-07T03:29:59Z'), now, settings)).toBe(false);
    expect(offerableAfter(now, settings)).toEqual(at('2026-12-07T03:30:00Z'));
  });

  it('when a seat is offered, then it is held for the configured minutes', () => {
    expect(offerExpiresAt(at('2026-12-07T01:00:00Z'), settings)).toEqual(at('2026-12-07T01:30:00Z'));
    expect(offerExpiresAt(at('2026-12-07T01:00:00Z'), { ...settings, offerHoldMinutes: 10 })).toEqual(
      at('2026-12-07T01:10:00Z'),
    );
  });

  it('when no-shows are weighed, then only those of the past 6 months count', () => {
    expect(noShowsSince(at('2026-12-07T01:00:00Z'))).toEqual(at('2026-06-07T01:00:00Z'));
  });
});
