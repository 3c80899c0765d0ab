import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queryRows, type Database } from '../../src/db/database.ts';
import { registeredSession } from './accounts.ts';
import { completeDraft } from './applications.ts';
import { adultWithoutPassport, takeResident } from './residents.ts';
import type { TestSmtpServer } from './smtp.ts';

/**
 * What a caller sees of the routes that ask Dukcapil (registration, a new draft) and SIMPONI (submit),
 * timed, and what they leave in the database: for tests of failing partners.
 */
export type Language = 'id' | 'en';
export type Session = Awaited<ReturnType<typeof registeredSession>>;
export interface ReadyDraft {
  readonly owner: Session;
  readonly id: string;
}

export async function timed(request: () => Promise<LightMyRequestResponse>) {
  const started = performance.now();
  const response = await request();
  return { response, ms: performance.now() - started };
}

/** A 503 problem+json with its stable code and a detail in the request's language, to retry later. */
export function expectUnavailable(response: LightMyRequestResponse, code: string, language: Language = 'id') {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(response.headers['content-language']).toBe(language);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.json()).toMatchObject({
    status: 503,
    code,
    detail: language === 'id' ? expect.stringMatching(/tidak dapat dihubungi/) : /cannot be reached/,
    requestId: expect.any(String),
  });
}

export const register = (app: FastifyInstance, payload: object, language: Language = 'id') =>
  timed(() =>
    app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'accept-language': language },
      payload,
    }),
  );

/** A new draft for the account holder themself (no consent needed). */
export const newOwnDraft = (app: FastifyInstance, session: Session, language: Language = 'id') =>
  timed(() =>
    app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { authorization: `Bearer ${session.token}`, 'accept-language': language },
      payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: ownBiodata(session) },
    }),
  );

export const submit = (
  app: FastifyInstance,
  draft: ReadyDraft,
  sessionId: string,
  language: Language = 'id',
) =>
  timed(() =>
    app.inject({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/submit`,
      headers: { authorization: `Bearer ${draft.owner.token}`, 'accept-language': language },
      payload: { sessionId },
    }),
  );

function ownBiodata({ registration: r }: Session) {
  const { nik, fullName, dateOfBirth, placeOfBirth, sex } = r;
  return { nik, fullName, dateOfBirth, placeOfBirth, sex, married: false };
}

/**
 * Drafts ready to submit: an account's own, then two for other adults with their consent (at most two
 * other adults per account in 30 days, issue 15).
 */
export function draftSupply(app: FastifyInstance, smtp: TestSmtpServer): () => Promise<ReadyDraft> {
  let owner: Session | undefined;
  let made = 0;
  return async () => {
    if (!owner || made++ % 3 === 0) {
      owner = await registeredSession(app, smtp, {}, takeResident(adultWithoutPassport));
      return { owner, id: (await completeDraft(app, owner, { applicant: ownBiodata(owner) })).id };
    }
    return { owner, id: (await completeDraft(app, owner)).id };
  };
}

/** The Bandung session with the most free seats. */
export async function roomiestSession(app: FastifyInstance): Promise<string> {
  const listed = (await app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json() as {
    id: string;
    available: number;
  }[];
  return listed.reduce((a, b) => (b.available > a.available ? b : a)).id;
}

export async function accountsWithEmail(db: Database, email: string): Promise<number> {
  const query = sql`select count(*)::int as n from accounts where email = ${email}`;
  return (await queryRows<{ n: number }>(db, query))[0]!.n;
}

export async function applicationsOf(db: Database, accountId: string): Promise<number> {
  const query = sql`select count(*)::int as n from applications where account_id = ${accountId}`;
  return (await queryRows<{ n: number }>(db, query))[0]!.n;
}

/** What a submit writes: the status, its history, the billing, the booking and the session's seats. */
export async function footprint(db: Database, applicationId: string, sessionId: string) {
  const [row] = await queryRows<{
    status: string;
    history: number;
    billings: number;
    bookings: number;
    booked: number;
  }>(
    db,
    sql`select a.status,
          (select count(*)::int from application_history h where h.application_id = a.id) as history,
          (select count(*)::int from billings b where b.application_id = a.id) as billings,
          (select count(*)::int from bookings k where k.application_id = a.id) as bookings,
          (select booked from sessions s where s.id = ${sessionId}) as booked
        from applications a where a.id = ${applicationId}`,
  );
  return row!;
}
