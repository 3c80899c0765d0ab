import type { Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import type { WaitlistView } from '#shared/contracts/waitlist.ts';
import { queryRows, type Database } from '../../apps/server/src/db/database.ts';
import type { ReadyApplicant } from '../../apps/server/test/support/booking-fixtures.ts';
import { ledgerOf, type Holder } from './freed-day.ts';
import { jsonRequest, type JsonAnswer } from './http.ts';

/**
 * The freed-seat storm's moving parts (issue 15): seats cancelled at random moments of a window, and
 * the waitlist's people reacting to the offers as a phone would make them: told by the e-mail the
 * server sends (the bench reads the simulation's mailbox, their inbox), or seeing it when they open the
 * app to check their place; then opening their waitlist and accepting the seat, or declining it.
 */

/** Wall-clock milliseconds since the epoch, sub-millisecond (the servers' clocks are this machine's). */
export const epochNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A request that frees a seat: a holder's cancel, or a waiting person's decline of the seat offered. */
export interface Freeing {
  readonly kind: 'CANCEL' | 'DECLINE';
  /** The application that cancelled or declined. */
  readonly applicationId: string;
  /** The session whose seat it frees. */
  readonly sessionId: string;
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly status: number;
}

/** What happened to one waiting person. */
export interface Waiter {
  /** When they learned of their offer (bench's clock), and how. */
  learnedAt?: number;
  learnedVia?: 'mail' | 'app';
  /** When the offer's e-mail was put in their inbox (server's clock). */
  mailAt?: number;
  declined?: Freeing;
  accepted?: { sentAt: number; answeredAt: number };
}

/** Answers that were not what the scenario expects, by request and status; 5xx and no-answer counted apart. */
export class Answers {
  fiveHundreds = 0;
  readonly other = new Map<string, number>();
  note(what: string, answer: { status: number; body: unknown }, ok: boolean): boolean {
    if (answer.status >= 500 || answer.status === 0) this.fiveHundreds++;
    if (!ok) {
      const body = answer.body as { code?: string; status?: string } | null;
      const key = `${what} ${answer.status} ${body?.code ?? body?.status ?? ''}`.trim();
      this.other.set(key, (this.other.get(key) ?? 0) + 1);
    }
    return ok;
  }
}

/** A request that never got an answer (connection error) counts as status 0. */
async function send<T>(run: () => Promise<JsonAnswer<T>>): Promise<JsonAnswer<T | null>> {
  try {
    return await run();
  } catch (error) {
    return { status: 0, body: { code: (error as Error).message } as T, ms: 0, etag: undefined };
  }
}

/** The holders cancel at uniformly random moments over `windowMs`, spread over both processes. */
export async function cancelAtRandomMoments(options: {
  agent: Agent;
  bases: readonly string[];
  holders: readonly Holder[];
  windowMs: number;
  answers: Answers;
}): Promise<Freeing[]> {
  const start = performance.now();
  return Promise.all(
    options.holders.map(async ({ person, sessionId }, i) => {
      await sleep(start + Math.random() * options.windowMs - performance.now());
      const sentAt = epochNow();
      const answer = await send(() =>
        jsonRequest<{ status?: string }>(
          options.agent,
          `${options.bases[i % options.bases.length]}/api/v1/applications/${person.applicationId}/cancel`,
          { method: 'POST', token: person.token },
        ),
      );
      const answeredAt = epochNow();
      options.answers.note('cancel', answer, answer.status === 200 && answer.body?.status === 'CANCELLED');
      const freeing: Freeing = {
        kind: 'CANCEL',
        applicationId: person.applicationId,
        sessionId,
        sentAt,
        answeredAt,
        status: answer.status,
      };
      return freeing;
    }),
  );
}

export interface StormResult {
  readonly cancels: Freeing[];
  readonly declines: Freeing[];
  readonly waiters: Waiter[];
  /** Latencies of the accepting submits and of the background checks (ms). */
  readonly acceptMs: number[];
  readonly checkMs: number[];
  /** Seats accepted by the end of the window plus the settling time, and when the last one was. */
  readonly accepted: number;
  readonly lastAcceptedAt: number;
  readonly cancelsStartedAt: number;
  readonly cancelsEndedAt: number;
  /** The seat ledger sampled every second during the storm: worst figures seen, and how many samples. */
  readonly ledger: { samples: number; mismatched: number; oversold: number; doubled: number };
}

/**
 * The freed-seat storm: the holders cancel at random moments over `windowMs`; everyone on the waitlist
 * checks their place `checks` times at random moments of the window; whoever is offered a seat learns
 * it by e-mail or in the app, opens their waitlist and accepts (or, a `declineShare` of them, declines:
 * the seat cascades to the next). Ends when every seat is accepted, or `settleMs` after the last cancel.
 */
export async function freedStorm(options: {
  agent: Agent;
  bases: readonly string[];
  db: Database;
  holders: readonly Holder[];
  people: readonly ReadyApplicant[];
  emails: ReadonlyMap<string, number>;
  sessionIds: readonly string[];
  windowMs: number;
  settleMs: number;
  checks: number;
  declineShare: number;
  /** The servers' simulated clock minus real time (ms). */
  offsetMs: number;
  answers: Answers;
}): Promise<StormResult> {
  const { agent, bases, db, people, answers } = options;
  const base = (i: number) => bases[i % bases.length]!;
  const waiters: Waiter[] = people.map(() => ({}));
  const declines = people.map(() => Math.random() < options.declineShare);
  const declined: Freeing[] = [];
  const acceptMs: number[] = [];
  const checkMs: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let accepted = 0;
  let lastAcceptedAt = 0;
  let running = true;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const waitlistUrl = (i: number) => `${base(i)}/api/v1/applications/${people[i]!.applicationId}/waitlist`;

  /** Offered a seat: open the waitlist (unless the app shows it already), then accept or decline. */
  async function react(i: number, via: 'mail' | 'app', seen?: WaitlistView): Promise<void> {
    const waiter = waiters[i]!;
    if (waiter.learnedAt !== undefined) return;
    waiter.learnedAt = epochNow();
    waiter.learnedVia = via;
    let view = seen;
    if (!view) {
      const answer = await send(() =>
        jsonRequest<WaitlistView>(agent, waitlistUrl(i), { token: people[i]!.token }),
      );
      const ok = answer.status === 200 && answer.body?.status === 'OFFERED' && answer.body.offer !== null;
      if (!answers.note('open offer', answer, ok)) return;
      view = answer.body!;
    }
    const sentAt = epochNow();
    if (declines[i]) {
      const answer = await send(() =>
        jsonRequest(agent, `${waitlistUrl(i)}/offer/decline`, { method: 'POST', token: people[i]!.token }),
      );
      const freeing: Freeing = {
        kind: 'DECLINE',
        applicationId: people[i]!.applicationId,
        sessionId: view.offer!.sessionId,
        sentAt,
        answeredAt: epochNow(),
        status: answer.status,
      };
      if (answers.note('decline', answer, answer.status === 204)) {
        waiter.declined = freeing;
        declined.push(freeing);
      }
      return;
    }
    const answer = await send(() =>
      jsonRequest<{ status?: string }>(agent, `${waitlistUrl(i)}/offer/accept`, {
        method: 'POST',
        token: people[i]!.token,
      }),
    );
    const answeredAt = epochNow();
    acceptMs.push(answeredAt - sentAt);
    if (answers.note('accept', answer, answer.status === 200 && answer.body?.status === 'AWAITING_PAYMENT')) {
      waiter.accepted = { sentAt, answeredAt };
      accepted++;
      lastAcceptedAt = answeredAt;
    }
  }

  /** Their phone: the offer's e-mail lands in the simulation's mailbox (read every 100 ms). */
  async function inbox(): Promise<void> {
    const seen = new Set<string>();
    let since = new Date(epochNow() + options.offsetMs - 60_000);
    while (running) {
      const rows = await queryRows<{ id: string; recipient: string; at: number }>(
        db,
        sql`select id, lower(recipient) as recipient, (extract(epoch from created_at) * 1000)::float8 as at
            from sim_mailbox
            where channel = 'EMAIL' and (subject like 'Kursi untuk %' or subject like 'A seat for %')
              and created_at > ${since}
            order by created_at`,
      );
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        const i = options.emails.get(row.recipient);
        if (i === undefined) continue;
        waiters[i]!.mailAt ??= Number(row.at) - options.offsetMs;
        track(react(i, 'mail'));
      }
      // Messages of one batch carry the instant each was sent, and may commit a little after a later one.
      const latest = rows.at(-1);
      if (latest) since = new Date(Math.max(since.getTime(), Number(latest.at) - 2_000));
      await sleep(100);
    }
  }

  /** Everyone checks their place in the app now and then; one who finds a seat offered takes it from there. */
  async function check(i: number): Promise<void> {
    const answer = await send(() =>
      jsonRequest<WaitlistView>(agent, waitlistUrl(i), { token: people[i]!.token }),
    );
    checkMs.push(answer.ms);
    const view = answer.body;
    const ok = answer.status === 200 && view !== null && view.status !== undefined;
    if (!answers.note('check', answer, ok)) return;
    if (view!.status === 'OFFERED' && view!.offer && waiters[i]!.learnedAt === undefined)
      await react(i, 'app', view!);
  }

  const ledger = { samples: 0, mismatched: 0, oversold: 0, doubled: 0 };
  async function sampleLedger(): Promise<void> {
    while (running) {
      const now = await ledgerOf(db, options.sessionIds);
      ledger.samples++;
      ledger.mismatched = Math.max(ledger.mismatched, now.mismatched);
      ledger.oversold = Math.max(ledger.oversold, now.oversold);
      ledger.doubled = Math.max(ledger.doubled, now.doubled);
      await sleep(1_000);
    }
  }

  const watching = Promise.all([inbox(), sampleLedger()]);
  const windowStart = performance.now();
  const checking = Promise.all(
    people.flatMap((_, i) =>
      Array.from({ length: options.checks }, async () => {
        await sleep(windowStart + Math.random() * options.windowMs - performance.now());
        if (running) await check(i);
      }),
    ),
  );
  const cancelsStartedAt = epochNow();
  const cancels = await cancelAtRandomMoments({ ...options, answers });
  const cancelsEndedAt = epochNow();
  const seats = options.holders.length;
  while (accepted < seats && epochNow() < cancelsEndedAt + options.settleMs) await sleep(100);
  await checking;
  running = false;
  await watching;
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  return {
    cancels,
    declines: declined,
    waiters,
    acceptMs,
    checkMs,
    accepted,
    lastAcceptedAt,
    cancelsStartedAt,
    cancelsEndedAt,
    ledger,
  };
}
