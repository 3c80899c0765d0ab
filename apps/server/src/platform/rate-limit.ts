import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { queryRows, type Database } from '../db/database.ts';
import type { Localized } from '#shared/i18n.ts';
import { DomainError } from './errors.ts';

/**
 * Fixed-window rate limits with a store shared by every instance: the database by default, Redis when
 * REDIS_URL is set. Limits that guard secrets (wrong passwords per account) do not scale with
 * RATE_LIMIT_SCALE; request-rate limits per client do (API.md "Running").
 */
export interface RateLimitRule {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly scales: boolean;
  /** What to tell the person refused, when the rule has a better way out than waiting. */
  readonly refusal?: Localized;
}

export interface RateLimitStore {
  /** Counts one hit in the window and returns the count so far. */
  increment(key: string, windowMs: number): Promise<number>;
  count(key: string): Promise<number>;
}

export interface RateLimiter {
  /** Counts a request; refuses it with 429 RATE_LIMITED once the window's limit is passed. */
  consume(rule: RateLimitRule, subject: string): Promise<void>;
  /** Refuses with 429 if the window already holds `limit` hits, without counting this one. */
  assertNotExhausted(rule: RateLimitRule, subject: string): Promise<void>;
  /** Counts a hit without refusing (e.g. a failed login, checked on the next try). */
  record(rule: RateLimitRule, subject: string): Promise<void>;
}

export function createRateLimiter(deps: {
  store: RateLimitStore;
  scale: number;
  now?: () => number;
}): RateLimiter {
  const now = deps.now ?? Date.now;
  const window = (rule: RateLimitRule, subject: string) => {
    const index = Math.floor(now() / rule.windowMs);
    return { key: `${rule.name}:${subject}:${index}`, resetAt: (index + 1) * rule.windowMs };
  };
  const limitOf = (rule: RateLimitRule) =>
    rule.scales ? Math.max(1, Math.floor(rule.limit * deps.scale)) : rule.limit;
  const refuse = (rule: RateLimitRule, resetAt: number): never => {
    const seconds = Math.max(1, Math.ceil((resetAt - now()) / 1000));
    throw new DomainError({
      code: 'RATE_LIMITED',
      detail: rule.refusal ?? {
        id: `Terlalu banyak percobaan. Coba lagi dalam ${seconds} detik.`,
        en: `Too many attempts. Try again in ${seconds} seconds.`,
      },
      headers: { 'retry-after': String(seconds) },
    });
  };
  return {
    async consume(rule, subject) {
      const { key, resetAt } = window(rule, subject);
      if ((await deps.store.increment(key, rule.windowMs)) > limitOf(rule)) refuse(rule, resetAt);
    },
    async assertNotExhausted(rule, subject) {
      const { key, resetAt } = window(rule, subject);
      if ((await deps.store.count(key)) >= limitOf(rule)) refuse(rule, resetAt);
    },
    async record(rule, subject) {
      const { key } = window(rule, subject);
      await deps.store.increment(key, rule.windowMs);
    },
  };
}

const CLEANUP_EVERY = 200;

export function createDatabaseRateLimitStore(db: Database): RateLimitStore {
  let hits = 0;
  return {
    async increment(key, windowMs) {
      if (++hits % CLEANUP_EVERY === 0) {
        await db.execute(sql`delete from rate_limit_counters where expires_at < now()`);
      }
      const [row] = await queryRows<{ count: number }>(
        db,
        sql`insert into rate_limit_counters (key, count, expires_at)
            values (${key}, 1, now() + ${`${windowMs} milliseconds`}::interval)
            on conflict (key) do update set count = rate_limit_counters.count + 1
            returning count`,
      );
      return Number(row?.count ?? 1);
    },
    async count(key) {
      const [row] = await queryRows<{ count: number }>(
        db,
        sql`select count from rate_limit_counters where key = ${key} and expires_at > now()`,
      );
      return Number(row?.count ?? 0);
    },
  };
}

/**
 * Counts in this process's memory: for hot public reads (the seat listing), where a database write per
 * request would cost more than the abuse it stops. Each instance counts on its own, so the limit an
 * address meets is per instance.
 */
export function createMemoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  let hits = 0;
  const live = (key: string) => {
    const counter = counters.get(key);
    return counter && counter.expiresAt > now() ? counter : undefined;
  };
  return {
    async increment(key, windowMs) {
      if (++hits % 1_000 === 0) for (const [k, c] of counters) if (c.expiresAt <= now()) counters.delete(k);
      const counter = live(key) ?? { count: 0, expiresAt: now() + windowMs };
      counter.count++;
      counters.set(key, counter);
      return counter.count;
    },
    async count(key) {
      return live(key)?.count ?? 0;
    },
  };
}

export function createRedisRateLimitStore(redis: Redis): RateLimitStore {
  return {
    async increment(key, windowMs) {
      // INCR and PEXPIRE in one round trip; the expiry is set only on the window's first hit.
      const [[, count]] = (await redis
        .multi()
        .incr(`rl:${key}`)
        .pexpire(`rl:${key}`, windowMs, 'NX')
        .exec()) as [[Error | null, number]];
      return count;
    },
    async count(key) {
      return Number((await redis.get(`rl:${key}`)) ?? 0);
    },
  };
}

export interface FallbackRateLimitStore extends RateLimitStore {
  /** `redis` while the shared store answers; `fallback` while its calls fail and the database counts. */
  state(): 'redis' | 'fallback';
}

/**
 * Redis unreachable must not take login and registration down (issue 18: a generic 500, slower each
 * time): a failed call is answered by the database store instead, and the next calls go there too
 * until `retryAfterMs` has passed. Counts kept meanwhile are the database's — the limits still hold,
 * per instance set-up, only the shared counter moves.
 */
export function createFallbackRateLimitStore(
  primary: RateLimitStore,
  fallback: RateLimitStore,
  options: { retryAfterMs: number; onFallback(error: unknown): void; now?: () => number },
): FallbackRateLimitStore {
  const now = options.now ?? Date.now;
  let failedAt: number | null = null;
  const use = async <T>(call: (store: RateLimitStore) => Promise<T>): Promise<T> => {
    if (failedAt !== null && now() - failedAt < options.retryAfterMs) return call(fallback);
    try {
      const result = await call(primary);
      failedAt = null;
      return result;
    } catch (error) {
      if (failedAt === null) options.onFallback(error);
      failedAt = now();
      return call(fallback);
    }
  };
  return {
    increment: (key, windowMs) => use((store) => store.increment(key, windowMs)),
    count: (key) => use((store) => store.count(key)),
    state: () => (failedAt === null ? 'redis' : 'fallback'),
  };
}
