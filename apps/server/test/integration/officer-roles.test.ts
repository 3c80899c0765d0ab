import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerRoles, type OfficerRole } from '#shared/roles.ts';
import { portraitJpeg } from '../support/files.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  demoOfficers,
  enrolOfficer,
  officerCall,
  officerSession,
  paidApplication,
} from '../support/visit.ts';

/**
 * The role matrix (issue 8): every officer route × every role × own / other office. Outside the office
 * the application does not exist (404); inside without the role, 403; with the role, the route is
 * reached (whatever the step then answers: 200, or 409/422 when the application is not at that step).
 */
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const OFFICE = 'JAKARTA_SELATAN';
type Scope = 'application' | 'office' | 'none';
interface Route {
  readonly name: string;
  readonly scope: Scope;
  /** Roles that may use it; null: any role of the office. */
  readonly roles: readonly OfficerRole[] | null;
  readonly call: (session: { token: string }) => Promise<{ status: number }>;
}

interface Officer {
  readonly label: string;
  readonly officeCode: string | null;
  readonly roles: readonly OfficerRole[];
  readonly session: { token: string };
}

function expected(route: Route, officer: Officer): 'reached' | 403 | 404 {
  const hq = officer.roles.includes('HQ_ADMIN');
  if (route.scope === 'application' && officer.officeCode !== OFFICE) return 404;
  if (route.scope === 'office') {
    if (hq) return 'reached';
    if (officer.officeCode !== OFFICE) return 404;
  }
  if (route.name === 'queue' && officer.officeCode === null) return 403;
  if (route.name === 'payments needing attention' && hq) return 'reached';
  if (route.roles === null) return 'reached';
  return route.roles.some((role) => officer.roles.includes(role)) ? 'reached' : 403;
}

describe('the officer role matrix', () => {
  let routes: Route[];
  let officers: Officer[];
  let applicantToken: string;

  beforeAll(async () => {
    const demo = await demoOfficers(t.app);
    const login = (username: string) =>
      officerSession(
        t.app,
        demo.find((o) => o.username === username)!,
      );
    const hq = await login('admin.pusat');
    const enrol = async (username: string, officeCode: string, roles: OfficerRole[]) => {
      const enrolled = await enrolOfficer(t.app, hq, t.clock.now(), {
        username,
        fullName: `Admin ${officeCode}`,
        officeCode,
        roles,
      });
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/officer/sessions',
        payload: { username, password: enrolled.password },
      });
      expect([refused.statusCode, refused.json().code]).toEqual([401, 'TOTP_REQUIRED']);
      return enrolled.session;
    };
    const specialists: [string, OfficerRole][] = [
      ['loket', 'CHECK_IN'],
      ['verifikator', 'VERIFIER'],
      ['wawancara', 'BIOMETRICS'],
      ['adjudikator', 'ADJUDICATOR'],
      ['penerbitan', 'ISSUER'],
    ];
    officers = [
      ...(await Promise.all(
        specialists.map(async ([prefix, role]) => ({
          label: role,
          officeCode: OFFICE,
          roles: [role],
          session: await login(`${prefix}.jakarta-selatan`),
        })),
      )),
      {
        label: 'OFFICE_ADMIN',
        officeCode: OFFICE,
        roles: ['OFFICE_ADMIN'],
        session: await enrol('admin.jaksel', OFFICE, ['OFFICE_ADMIN']),
      },
      { label: 'HQ_ADMIN', officeCode: null, roles: ['HQ_ADMIN'], session: hq },
      {
        label: 'other office supervisor',
        officeCode: 'BANDUNG',
        roles: officerRoles.filter((r) => r !== 'HQ_ADMIN'),
        session: await login('spv.bandung'),
      },
      {
        label: 'other office admin',
        officeCode: 'BANDUNG',
        roles: ['OFFICE_ADMIN'],
        session: await enrol('admin.bandung', 'BANDUNG', ['OFFICE_ADMIN']),
      },
    ];

    const paid = await paidApplication(t.app, smtp, OFFICE);
    applicantToken = paid.applicant.token;
    const spv = await login('spv.jakarta-selatan');
    const number = (await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body.number as string;
    const schedule = (await officerCall(t.app, spv, 'GET', `/offices/${OFFICE}/schedule`)).body;
    const app = `/applications/${paid.id}`;
    routes = [
      {
        name: 'queue',
        scope: 'none',
        roles: null,
        call: (s) => officerCall(t.app, s, 'GET', `/queue?date=${paid.date}`),
      },
      {
        name: 'read application',
        scope: 'application',
        roles: null,
        call: (s) => officerCall(t.app, s, 'GET', app),
      },
      {
        name: 'find by number',
        scope: 'application',
        roles: null,
        call: (s) => officerCall(t.app, s, 'GET', `/applications?number=${number}`),
      },
      {
        name: 'check-in',
        scope: 'application',
        roles: ['CHECK_IN'],
        call: (s) => officerCall(t.app, s, 'POST', '/check-ins', { applicationNumber: number }),
      },
      {
        name: 'document verification',
        scope: 'application',
        roles: ['VERIFIER'],
        call: (s) => officerCall(t.app, s, 'POST', `${app}/document-verification`, { decision: 'ACCEPT' }),
      },
      {
        name: 'photo',
        scope: 'application',
        roles: ['BIOMETRICS'],
        call: (s) => officerCall(t.app, s, 'PUT', `${app}/photo`, portraitJpeg(), 'image/jpeg'),
      },
      {
        name: 'fingerprints',
        scope: 'application',
        roles: ['BIOMETRICS'],
        call: (s) => officerCall(t.app, s, 'POST', `${app}/fingerprints`),
      },
      {
        name: 'interview',
        scope: 'application',
        roles: ['BIOMETRICS'],
        call: (s) =>
          officerCall(t.app, s, 'POST', `${app}/interview`, { notes: 'Sesuai.', recommendation: 'APPROVE' }),
      },
      {
        name: 'adjudication',
        scope: 'application',
        roles: ['ADJUDICATOR'],
        call: (s) => officerCall(t.app, s, 'POST', `${app}/adjudication`, { decision: 'APPROVE' }),
      },
      {
        name: 'issue',
        scope: 'application',
        roles: ['ISSUER'],
        call: (s) => officerCall(t.app, s, 'POST', `${app}/issue`),
      },
      {
        name: 'hand-over',
        scope: 'application',
        roles: ['ISSUER'],
        call: (s) => officerCall(t.app, s, 'POST', `${app}/hand-over`),
      },
      {
        name: 'read schedule',
        scope: 'office',
        roles: ['OFFICE_ADMIN'],
        call: (s) => officerCall(t.app, s, 'GET', `/offices/${OFFICE}/schedule`),
      },
      {
        name: 'preview schedule',
        scope: 'office',
        roles: ['OFFICE_ADMIN'],
        call: (s) => officerCall(t.app, s, 'POST', `/offices/${OFFICE}/schedule/preview`, schedule),
      },
      {
        name: 'save schedule',
        scope: 'office',
        roles: ['OFFICE_ADMIN'],
        call: (s) => officerCall(t.app, s, 'PUT', `/offices/${OFFICE}/schedule`, schedule),
      },
      {
        name: 'payments needing attention',
        scope: 'none',
        roles: ['OFFICE_ADMIN'],
        call: (s) => officerCall(t.app, s, 'GET', '/payments/attention'),
      },
      {
        name: 'audit log',
        scope: 'none',
        // Issue 17: a supervisor (office administrator) reads their own office's trail.
        roles: ['HQ_ADMIN', 'OFFICE_ADMIN'],
        call: (s) => officerCall(t.app, s, 'GET', '/audit'),
      },
      {
        name: 'officers',
        scope: 'none',
        roles: ['HQ_ADMIN'],
        call: (s) => officerCall(t.app, s, 'GET', '/officers'),
      },
    ];
  });

  it('then every route answers each officer as the table says', async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    for (const route of routes) {
      for (const officer of officers) {
        const want = expected(route, officer);
        const { status } = await route.call(officer.session);
        const got = status === 403 || status === 404 ? status : 'reached';
        table.push(`${route.name} × ${officer.label}: ${status}`);
        if (got !== want) wrong.push(`${route.name} × ${officer.label}: expected ${want}, got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(table).toHaveLength(routes.length * officers.length);
  });

  it('then an applicant token is not an officer token', async () => {
    const response = await t.app.inject({
      url: '/api/v1/officer/me',
      headers: { authorization: `Bearer ${applicantToken}` },
    });
    expect([response.statusCode, response.json().code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('then an office administrator reads their own office’s audit trail only, whatever office they ask for', async () => {
    const admin = officers.find((o) => o.label === 'OFFICE_ADMIN')!;
    const otherAdmin = officers.find((o) => o.label === 'other office admin')!;
    await officerCall(t.app, otherAdmin.session, 'GET', '/payments/attention');
    const own = await officerCall(t.app, admin.session, 'GET', '/audit?limit=1000');
    const rows = own.body as unknown as { officeCode: string | null; action: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.officeCode))).toEqual(new Set([OFFICE]));
    const asked = await officerCall(t.app, admin.session, 'GET', '/audit?officeCode=BANDUNG&limit=1000');
    const bandung = asked.body as unknown as { officeCode: string | null }[];
    expect(bandung.every((r) => r.officeCode === OFFICE)).toBe(true);
    const hq = officers.find((o) => o.label === 'HQ_ADMIN')!;
    const all = (await officerCall(t.app, hq.session, 'GET', '/audit?officeCode=BANDUNG'))
      .body as unknown as {
      officeCode: string;
    }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => r.officeCode === 'BANDUNG')).toBe(true);
  });
});
