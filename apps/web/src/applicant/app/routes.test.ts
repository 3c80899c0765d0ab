import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './routes.ts';

describe('applicant routes', () => {
  it('round-trip every screen through the hash', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'register' },
      { name: 'verify', email: 'a+b@example.id' },
      { name: 'applications' },
      { name: 'application', id: 'abc' },
      { name: 'pay', id: 'abc' },
      { name: 'reschedule', id: 'abc' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('when the hash names no screen, then nothing matches', () => {
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(parseRoute('#/applications/x/delete')).toBeNull();
    expect(parseRoute('')).toEqual({ name: 'home' });
  });
});
