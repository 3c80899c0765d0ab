import type { RateLimitRule } from '../../platform/rate-limit.ts';

const HOUR = 60 * 60_000;

/**
 * Velocity limits against bots hunting freed seats (issue 15). Per address scaled by RATE_LIMIT_SCALE
 * and generous (mobile carriers put many people behind one address); per account and NIK not scaled.
 */
export const bookingLimits = {
  waitlistJoinsPerIp: { name: 'waitlist-ip', limit: 60, windowMs: HOUR, scales: true },
  waitlistJoinsPerAccount: { name: 'waitlist-account', limit: 10, windowMs: HOUR, scales: false },
  waitlistJoinsPerNik: { name: 'waitlist-nik', limit: 10, windowMs: HOUR, scales: false },
} as const satisfies Record<string, RateLimitRule>;
