/**
 * Rules of the waitlist (issue 15), as data and pure functions. A freed seat is held for the next
 * entry as an offer; accepting it is a submit, which leaves the usual 2 hours to pay (DOMAIN.md).
 */
export interface WaitlistSettings {
  /** How long an offered seat is held for its entry before it passes to the next. */
  readonly offerHoldMinutes: number;
  /**
   * Seats left unsold this long after their release are offered to the waitlist too; before it they
   * belong to the release (its queue or first come first served).
   */
  readonly releaseGraceMinutes: number;
}

export const defaultWaitlistSettings: WaitlistSettings = { offerHoldMinutes: 30, releaseGraceMinutes: 15 };

/** The time to pay after a submit (DOMAIN.md "PNBP billing": 2 hours). */
const PAYMENT_WINDOW_MINUTES = 120;
/** A no-show in this many months places a new entry behind the others. */
export const NO_SHOW_LOOKBACK_MONTHS = 6;
/** An entry waits over at most this many days (the listing's own limit). */
export const WAITLIST_MAX_RANGE_DAYS = 62;

const MINUTE = 60_000;

/**
 * A seat may still be offered while the offer's hold and then the time to pay both end before the
 * session starts; closer than that it goes back on the calendar for whoever can come.
 */
export function offerable(startsAt: Date, now: Date, settings: WaitlistSettings): boolean {
  return startsAt.getTime() - now.getTime() >= (settings.offerHoldMinutes + PAYMENT_WINDOW_MINUTES) * MINUTE;
}

export function offerExpiresAt(now: Date, settings: WaitlistSettings): Date {
  return new Date(now.getTime() + settings.offerHoldMinutes * MINUTE);
}

/** From when a no-show counts against a new entry. */
export function noShowsSince(now: Date): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - NO_SHOW_LOOKBACK_MONTHS);
  return since;
}

/** Unsold seats of releases before this instant may go to the waitlist. */
export function releasedBeforeForWaitlist(now: Date, settings: WaitlistSettings): Date {
  return new Date(now.getTime() - settings.releaseGraceMinutes * MINUTE);
}

/** Earliest start of a session whose seat can still be offered. */
export function offerableAfter(now: Date, settings: WaitlistSettings): Date {
  return new Date(now.getTime() + (settings.offerHoldMinutes + PAYMENT_WINDOW_MINUTES) * MINUTE);
}
