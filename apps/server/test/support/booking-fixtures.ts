import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import { jakartaDate } from '#shared/eligibility.ts';
import { queryRows, type Database } from '../../src/db/database.ts';
import { accountSessions, accounts } from '../../src/db/schema/accounts.ts';
import { applicationHistory, applications } from '../../src/db/schema/applications.ts';
import { documentScans } from '../../src/db/schema/documents.ts';

/**
 * Applicants ready to submit, written straight into the database for concurrency tests and the
 * booking-storm benchmark: preparing thousands through the API would spend minutes hashing passwords,
 * and preparation is not what those measure. Each applicant has a verified account, a live session
 * token, a complete REGULAR draft (adult, so REGULAR seats only) and its one required scan (KTP-el).
 */
export interface ReadyApplicant {
  readonly accountId: string;
  readonly applicationId: string;
  /** The plain bearer token (only its SHA-256 is stored). */
  readonly token: string;
  readonly nik: string;
}

export interface PrepareOptions {
  /** The server's "now" (real time plus the simulation offset; a test app's clock). Default: real time. */
  readonly now?: Date;
  /** Rows per multi-row INSERT; applications have 24 columns, so 1,000 rows stay under 65,535 parameters. */
  readonly batchSize?: number;
}

export const FIXTURE_FEE = {
  amount: 350_000,
  currency: 'IDR',
  legalBasis: 'PP 45/2024',
  items: [],
} as const;

const HOUR = 3_600_000;

/** How the accounts module stores a session token (modules/accounts/tokens.ts): SHA-256, base64url. */
const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function prepareApplicants(
  db: Database,
  count: number,
  options: PrepareOptions = {},
): Promise<ReadyApplicant[]> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1_000;
  const year = Number(jakartaDate(now).slice(0, 4));
  // NIKs: "99" (no such province, so never a simulated resident), a per-call tag, a serial: 16 digits.
  const tag = String(randomBytes(3).readUIntBE(0, 3) % 10_000).padStart(4, '0');
  const runTag = randomBytes(4).toString('hex');
  const result: ReadyApplicant[] = [];
  for (let from = 0; from < count; from += batchSize) {
    const size = Math.min(batchSize, count - from);
    const numbers = await queryRows<{ n: string }>(
      db,
      sql`select nextval('application_number_seq')::text as n from generate_series(1, ${size})`,
    );
    const batch = Array.from({ length: size }, (_, k) => {
      const i = from + k;
      const token = randomBytes(32).toString('base64url');
      return {
        i,
        accountId: randomUUID(),
        applicationId: randomUUID(),
        token,
        tokenHash: sessionTokenHash(token),
        nik: `99${tag}${String(i).padStart(10, '0')}`,
        number: `MP${year}-${numbers[k]!.n.padStart(8, '0')}`,
        sex: i % 2 === 0 ? 'M' : 'F',
        dateOfBirth: `19${88 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      };
    });
    await db.transaction(async (tx) => {
      await tx.insert(accounts).values(
        batch.map((a) => ({
          id: a.accountId,
          email: `storm.${runTag}.${a.i}@contoh.id`,
          phone: '+6281234567890',
          passwordHash: 'fixture:not-a-password-hash',
          fullName: `Pemohon Uji ${a.i}`,
          nik: a.nik,
          dateOfBirth: a.dateOfBirth,
          placeOfBirth: 'BANDUNG',
          sex: a.sex,
          language: 'id',
          emailVerifiedAt: now,
          passwordChangedAt: now,
          createdAt: now,
        })),
      );
      await tx.insert(accountSessions).values(
        batch.map((a) => ({
          accountId: a.accountId,
          tokenHash: a.tokenHash,
          createdAt: now,
          lastSeenAt: now,
          idleExpiresAt: new Date(now.getTime() + 6 * HOUR),
          absoluteExpiresAt: new Date(now.getTime() + 12 * HOUR),
        })),
      );
      await tx.insert(applications).values(
        batch.map((a) => ({
          id: a.applicationId,
          number: a.number,
          accountId: a.accountId,
          status: 'DRAFT',
          type: 'NEW',
          replacementReason: null,
          service: 'REGULAR',
          product: 'NON_ELECTRONIC_5Y',
          applicantNik: a.nik,
          applicantFullName: `Pemohon Uji ${a.i}`,
          applicantDateOfBirth: a.dateOfBirth,
          applicantPlaceOfBirth: 'BANDUNG',
          applicantSex: a.sex,
          applicantMarried: false,
          circumstances: {},
          previousPassport: null,
          travelPurpose: null,
          requiredDocuments: ['KTP_EL'],
          fee: FIXTURE_FEE,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await tx.insert(applicationHistory).values(
        batch.map((a) => ({
          applicationId: a.applicationId,
          status: 'DRAFT',
          at: now,
          actor: 'APPLICANT',
        })),
      );
      await tx.insert(documentScans).values(
        batch.map((a) => ({
          applicationId: a.applicationId,
          kind: 'KTP_EL',
          storageKey: `fixture/${runTag}/${a.applicationId}`,
          encryptionKeyId: 'fixture',
          contentType: 'image/jpeg',
          size: 1024,
          sha256: createHash('sha256').update(a.applicationId).digest('hex'),
          uploadedAt: now,
        })),
      );
    });
    for (const a of batch) {
      result.push({ accountId: a.accountId, applicationId: a.applicationId, token: a.token, nik: a.nik });
    }
  }
  return result;
}

/** A session as `GET /api/v1/offices/{code}/sessions` lists it. */
export interface ListedSession {
  readonly id: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly service: string;
  readonly capacity: number;
  readonly available: number;
  readonly startsAt: string;
}

/** GETs a path of the API and answers the parsed JSON body (over HTTP, or `app.inject` in-process). */
export type GetJson = (path: string) => Promise<unknown>;

export const getOverHttp =
  (baseUrl: string): GetJson =>
  async (path) => {
    const response = await fetch(`${baseUrl}${path}`);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };

export const getInProcess =
  (app: {
    inject(options: { url: string }): Promise<{ statusCode: number; body: string; json(): unknown }>;
  }): GetJson =>
  async (path) => {
    const response = await app.inject({ url: path });
    if (response.statusCode !== 200) throw new Error(`GET ${path}: ${response.statusCode} ${response.body}`);
    return response.json();
  };

export async function listSessions(get: GetJson, officeCode: string): Promise<ListedSession[]> {
  return (await get(`/api/v1/offices/${officeCode}/sessions?service=REGULAR`)) as ListedSession[];
}

/**
 * A bookable target: lists the office's sessions (which materialises them) and takes a released
 * REGULAR session at least `minLeadMs` ahead of `now` (the furthest listed, so the run cannot outlive
 * it) and not among `exclude`; then sets its capacity to `capacity` with nothing booked. When nothing
 * released is far enough ahead (Friday around midday, before the next week opens, or a holiday week),
 * the nearest materialised session beyond the lead is released now instead. Answers its id.
 */
export async function pickTargetSession(
  db: Database,
  get: GetJson,
  officeCode: string,
  capacity: number,
  options: { now?: Date; minLeadMs?: number; exclude?: readonly string[] } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const earliest = new Date(now.getTime() + (options.minLeadMs ?? 2 * HOUR));
  const exclude = options.exclude ?? [];
  const listed = (await listSessions(get, officeCode)).filter(
    (s) => s.service === 'REGULAR' && Date.parse(s.startsAt) > earliest.getTime() && !exclude.includes(s.id),
  );
  let id = listed.at(-1)?.id;
  if (!id) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from sessions
          where office_code = ${officeCode} and service = 'REGULAR' and starts_at > ${earliest}
          order by starts_at limit ${exclude.length + 1}`,
    );
    id = rows.find((r) => !exclude.includes(r.id))?.id;
    if (!id) throw new Error(`${officeCode} has no REGULAR session after ${earliest.toISOString()}`);
  }
  await db.execute(
    sql`update sessions set capacity = ${capacity}, booked = 0, released_at = least(released_at, ${now})
        where id = ${id}`,
  );
  return id;
}

/** The counter of a session as stored. */
export async function sessionCounter(
  db: Database,
  sessionId: string,
): Promise<{ capacity: number; booked: number }> {
  const [row] = await queryRows<{ capacity: number; booked: number }>(
    db,
    sql`select capacity, booked from sessions where id = ${sessionId}`,
  );
  if (!row) throw new Error(`no session ${sessionId}`);
  return { capacity: Number(row.capacity), booked: Number(row.booked) };
}

/** Bookings and billings held for a session, and the billing codes. */
export async function bookingsOf(
  db: Database,
  sessionId: string,
): Promise<{ bookings: number; billingCodes: string[]; awaitingPayment: number }> {
  const rows = await queryRows<{ code: string | null; status: string }>(
    db,
    sql`select bi.code, a.status
        from bookings b
        join applications a on a.id = b.application_id
        left join billings bi on bi.application_id = b.application_id
        where b.session_id = ${sessionId} and b.released_at is null`,
  );
  return {
    bookings: rows.length,
    billingCodes: rows.flatMap((r) => (r.code ? [r.code] : [])),
    awaitingPayment: rows.filter((r) => r.status === 'AWAITING_PAYMENT').length,
  };
}

/** What one submit answered, and how long it took from sending to the last byte of the answer. */
export interface SubmitAnswer {
  readonly status: number;
  readonly body: { status?: string; code?: string; billing?: { code: string } | null };
  readonly ms: number;
}

/**
 * `POST /api/v1/applications/{id}/submit` over plain node:http on the given keep-alive agent (its
 * `maxSockets` is the client's concurrency). A connection error rejects; any HTTP answer resolves.
 */
export function submitOverHttp(
  agent: Agent,
  baseUrl: string,
  applicant: Pick<ReadyApplicant, 'applicationId' | 'token'>,
  sessionId: string,
): Promise<SubmitAnswer> {
  const payload = JSON.stringify({ sessionId });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1/applications/${applicant.applicationId}/submit`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${applicant.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let body: SubmitAnswer['body'];
          try {
            body = JSON.parse(text) as SubmitAnswer['body'];
          } catch {
            body = { code: `unparsable body: ${text.slice(0, 200)}` };
          }
          resolve({ status: res.statusCode ?? 0, body, ms });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
