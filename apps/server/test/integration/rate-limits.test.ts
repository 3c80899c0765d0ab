import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { isDomainError } from '../../src/platform/errors.ts';
import {
  createDatabaseRateLimitStore,
  createRateLimiter,
  createRedisRateLimitStore,
  type RateLimitRule,
  type RateLimitStore,
} from '../../src/platform/rate-limit.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** Rate limits shared by every instance: the database, or Redis when REDIS_URL is set (issue 4). */
let db: DatabaseHandle;
let redis: Redis;
beforeAll(async () => {
  db = await openTestDatabase();
  redis = new Redis(process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await db.close();
  redis.disconnect();
});

const rule: RateLimitRule = { name: 'test', limit: 3, windowMs: 60_000, scales: true };

async function refusal(promise: Promise<void>) {
  try {
    await promise;
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, retryAfter: error.headers?.['retry-after'] };
  }
}

describe.each([
  ['PostgreSQL/PGlite', () => createDatabaseRateLimitStore(db.db)],
  ['Redis', () => createRedisRateLimitStore(redis)],
])('with the %s store', (_name, makeStore: () => RateLimitStore) => {
  it('two instances sharing the store together allow only the limit, then answer 429 with Retry-After', async () => {
    let now = 1_800_000_000_000 + 15_000;
    const subject = randomUUID();
    const instanceA = createRateLimiter({ store: makeStore(), scale: 1, now: () => now });
    const instanceB = createRateLimiter({ store: makeStore(), scale: 1, now: () => now });
    const answers = [];
    for (const limiter of [instanceA, instanceB, instanceA, instanceB])
      answers.push(await refusal(limiter.consume(rule, subject)));
    expect(answers.slice(0, 3)).toEqual([null, null, null]);
    expect(answers[3]).toEqual({ code: 'RATE_LIMITED', retryAfter: '45' });

    now += 45_000; // the next window
    expect(await refusal(instanceB.consume(rule, subject))).toBeNull();
  });

  it('scales request-rate limits but never limits that guard secrets', async () => {
    const subject = randomUUID();
    const scaled = createRateLimiter({ store: makeStore(), scale: 10, now: () => 1_800_000_000_000 });
    for (let i = 0; i < 30; i++) expect(await refusal(scaled.consume(rule, subject))).toBeNull();
    expect(await refusal(scaled.consume(rule, subject))).toMatchObject({ code: 'RATE_LIMITED' });

    const guard = { ...rule, name: 'guard', scales: false };
    for (let i = 0; i < 3; i++) await scaled.record(guard, subject);
    expect(await refusal(scaled.assertNotExhausted(guard, subject))).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('counts parallel hits exactly', async () => {
    const store = makeStore();
    const key = `parallel:${randomUUID()}`;
    const counts = await Promise.all(Array.from({ length: 25 }, () => store.increment(key, 60_000)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await store.count(key)).toBe(25);
  });
});
