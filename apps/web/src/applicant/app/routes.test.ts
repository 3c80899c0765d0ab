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
      { name: 'claim', link: '0b9f6a1e-5d1c-4e0a-9d59-2f8a3f6c1a11.1796400000.AbC_d-9' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('when the hash names no screen, then nothing matches', () => {
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(parseRoute('#/applications/x/delete')).toBeNull();
    expect(parseRoute('#/claim')).toBeNull();
    expect(parseRoute('#/claim/a/b')).toBeNull();
    expect(parseRoute('')).toEqual({ name: 'home' });
  });
});
