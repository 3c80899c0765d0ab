import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Issue 13, item 3: security headers on every response; scans come back as downloads of their real type. */
let smtp: TestSmtpServer;
let t: TestApp;
let production: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  const webDistDir = join(REPO_ROOT, 'apps/web/dist');
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir } });
  production = await createTestApp({ config: { env: 'production', webDistDir } });
});
afterAll(async () => {
  await production.close();
  await t.close();
  await smtp.close();
});

type Headers = Record<string, string | string[] | number | undefined>;

/** The directives of a Content-Security-Policy header, by name. */
function directives(headers: Headers): Map<string, string> {
  const policy = String(headers['content-security-policy'] ?? '');
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

function expectCommonHeaders(headers: Headers): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  const permissions = String(headers['permissions-policy']);
  expect(permissions).toContain('camera=(self)');
  expect(permissions).toContain('geolocation=(self)');
  // Nothing else is granted: every other feature is listed with an empty allow-list.
  const granted = permissions.split(',').filter((entry) => !entry.trim().endsWith('=()'));
  expect(granted.map((entry) => entry.trim()).sort()).toEqual(['camera=(self)', 'geolocation=(self)']);
  expect(directives(headers).get('frame-ancestors')).toBe("'none'");
  expect(headers['strict-transport-security']).toBeUndefined();
}

function expectStrictPagePolicy(headers: Headers): void {
  const csp = directives(headers);
  expect(csp.get('default-src')).toBe("'self'");
  expect(csp.get('script-src')).toBe("'self'");
  expect(String(headers['content-security-policy'])).not.toContain('unsafe-inline');
  expect(String(headers['content-security-policy'])).not.toContain('unsafe-eval');
  expect(csp.get('base-uri')).toBe("'none'");
}

describe('security headers', () => {
  it('when the applicant app is opened (/ and a deep link), then the page carries a strict policy', async () => {
    for (const url of ['/', '/applications/abc']) {
      const response = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expectCommonHeaders(response.headers);
      expectStrictPagePolicy(response.headers);
      expect(directives(response.headers).get('object-src')).toBe("'none'");
    }
  });

  it('when the console is opened, then it too has a strict script policy (blob: frames for PDF previews only)', async () => {
    const response = await t.app.inject({ url: '/console', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expectCommonHeaders(response.headers);
    expectStrictPagePolicy(response.headers);
    expect(directives(response.headers).get('frame-src')).toBe("'self' blob:");
  });

  it('when an API route answers, success or problem, then it may load and frame nothing', async () => {
    for (const url of ['/api/v1/offices?q=jakarta', '/api/v1/applications', '/api/v1/no-such-route']) {
      const response = await t.app.inject({ url });
      expectCommonHeaders(response.headers);
      const csp = directives(response.headers);
      expect(csp.get('default-src'), url).toBe("'none'");
      expect(csp.has('sandbox'), url).toBe(true);
    }
  });

  it('when the service worker script is fetched, then its policy lets it fetch from its own origin', async () => {
    const response = await t.app.inject({ url: '/sw.js' });
    expect(response.statusCode).toBe(200);
    expectCommonHeaders(response.headers);
    expect(directives(response.headers).get('connect-src')).toBe("'self'");
  });

  it('when a scan is downloaded, then it is an attachment of its real type that the browser may not sniff', async () => {
    const session = await registeredSession(t.app, smtp);
    const draft = await completeDraft(t.app, session);
    const kind = draft.requiredDocuments[0];
    const response = await t.app.inject({
      url: `/api/v1/applications/${draft.id}/documents/${kind}`,
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${String(kind).toLowerCase()}.jpg"`,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    expectCommonHeaders(response.headers);
    expect(directives(response.headers).get('default-src')).toBe("'none'");
  });

  it('when running in production, then HSTS is sent and pages upgrade insecure requests', async () => {
    const page = await production.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives(page.headers).has('upgrade-insecure-requests')).toBe(true);
    const api = await production.app.inject({ url: '/api/v1/offices?q=jakarta' });
    expect(api.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('when the API reference is opened, then its scripts are still only its own', async () => {
    const response = await t.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expectCommonHeaders(response.headers);
    expect(directives(response.headers).get('script-src')).toBe("'self'");
  });
});
