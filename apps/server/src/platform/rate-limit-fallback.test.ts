import { describe, expect, it } from 'vitest';
import {
  createFallbackRateLimitStore,
  createMemoryRateLimitStore,
  type RateLimitStore,
} from './rate-limit.ts';

describe('the rate-limit store when Redis is unreachable (issue 18)', () => {
  it('when the shared store fails, then the fallback counts, says so once, and the shared one is tried again later', async () => {
    let down = true;
    let calls = 0;
    const shared = createMemoryRateLimitStore();
    const redis: RateLimitStore = {
      async increment(key, windowMs) {
        calls++;
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        return shared.increment(key, windowMs);
      },
      async count(key) {
        calls++;
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        return shared.count(key);
      },
    };
    let clock = 0;
    const warnings: unknown[] = [];
    const store = createFallbackRateLimitStore(
      redis,
      createMemoryRateLimitStore(() => clock),
      {
        retryAfterMs: 5_000,
        onFallback: (error) => warnings.push(error),
        now: () => clock,
      },
    );
    expect(await store.increment('login:a', 60_000)).toBe(1);
    expect(await store.increment('login:a', 60_000)).toBe(2);
    expect(store.state()).toBe('fallback');
    expect(warnings).toHaveLength(1);
    // While in fallback, Redis is not asked (no slow retries on every request).
    expect(calls).toBe(1);
    down = false;
    clock += 5_000;
    expect(await store.increment('login:b', 60_000)).toBe(1);
    expect(store.state()).toBe('redis');
  });
});
