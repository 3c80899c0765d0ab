import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './routes.ts';

describe('hash routes', () => {
  it('when a route is written and read back, then it is the same view', () => {
    const id = '0b7c8f0e-3a0d-4b8e-9a51-2f3c4d5e6f70';
    for (const route of [
      { view: 'queue' },
      { view: 'application', id },
      { view: 'schedule' },
      { view: 'releases' },
      { view: 'payments' },
      { view: 'walk-in' },
      { view: 'audit' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('when the hash is unknown or empty, then there is no route (the caller picks home)', () => {
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#/applications/not-an-id')).toBeNull();
  });
});
