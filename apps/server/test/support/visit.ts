import type { FastifyInstance } from 'fastify';
import { totpAt } from '../../src/modules/officer/index.ts';
import { registeredSession } from './accounts.ts';
import { completeDraft } from './applications.ts';
import { payAtChannel } from './payments.ts';
import { adultWithoutPassport, takeResident } from './residents.ts';
import type { TestSmtpServer } from './smtp.ts';

export const bearer = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` });

export interface DemoOfficer {
  readonly username: string;
  readonly password: string;
  readonly officeCode: string | null;
  readonly roles: string[];
}

export async function demoOfficers(app: FastifyInstance): Promise<DemoOfficer[]> {
  return (await app.inject({ url: '/sim/officers' })).json() as DemoOfficer[];
}

export async function officerSession(
  app: FastifyInstance,
  officer: { username: string; password: string },
  totp?: string,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/officer/sessions',
    payload: { username: officer.username, password: officer.password, ...(totp ? { totp } : {}) },
  });
  if (response.statusCode !== 201) throw new Error(`officer login failed: ${response.body}`);
  return response.json() as { token: string; officer: { officeCode: string | null; roles: string[] } };
}

/** An applicant whose application at `officeCode` is paid, with an appointment today or later. */
export async function paidApplication(
  app: FastifyInstance,
  smtp: TestSmtpServer,
  officeCode: string,
  draft = {},
) {
  const applicant = await registeredSession(app, smtp, {}, takeResident(adultWithoutPassport));
  const { id } = await completeDraft(app, applicant, draft);
  const service = (draft as { service?: string }).service === 'EXPRESS' ? 'EXPRESS' : 'REGULAR';
  const sessions = (
    await app.inject({ url: `/api/v1/offices/${officeCode}/sessions?service=${service}` })
  ).json() as {
    id: string;
    date: string;
  }[];
  const session = sessions[0];
  if (!session) throw new Error(`no released session at ${officeCode}`);
  const submitted = await app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/submit`,
    headers: bearer(applicant),
    payload: { sessionId: session.id },
  });
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  const billing = (submitted.json() as { billing: { code: string } }).billing;
  const paid = await payAtChannel(app, billing.code);
  if (paid.statusCode !== 200) throw new Error(`payment failed: ${paid.body}`);
  for (let i = 0; i < 100; i++) {
    const view = await app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    if ((view.json() as { status: string }).status === 'PAID') return { applicant, id, date: session.date };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the payment notification never applied');
}

/** Calls an officer route and returns status and body. */
export async function officerCall(
  app: FastifyInstance,
  session: { token: string },
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object | Buffer,
  contentType?: string,
) {
  const response = await app.inject({
    method,
    url: `/api/v1/officer${url}`,
    headers: { ...bearer(session), ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload ? { payload } : {}),
  });
  return {
    status: response.statusCode,
    body: response.json() as Record<string, unknown> & { code?: string; status?: string },
  };
}

/** The hand-over's identity check (issue 17): the last 4 NIK digits of the application, as on the KTP. */
export async function handOverBody(app: FastifyInstance, session: { token: string }, id: string) {
  const view = await officerCall(app, session, 'GET', `/applications/${id}`);
  return { nikLastDigits: (view.body.applicant as { nik: string }).nik.slice(-4) };
}

/**
 * An officer created by HQ (enrolment gives a TOTP secret, which every login then needs) and logged
 * in with the code of the moment; `password` lets a test try a login without the code.
 */
export async function enrolOfficer(
  app: FastifyInstance,
  hq: { token: string },
  now: Date,
  officer: { username: string; fullName: string; officeCode: string; roles: string[] },
) {
  const password = 'kata sandi admin kantor';
  const created = await officerCall(app, hq, 'POST', '/officers', { ...officer, password });
  if (created.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(created.body)}`);
  const totp = totpAt(created.body.totpSecret as string, now);
  return { password, session: await officerSession(app, { username: officer.username, password }, totp) };
}
