import { Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import type { ReleaseProgress, TicketView } from '#shared/contracts/releases.ts';
import { ticketProgress } from '#shared/release-progress.ts';
import { drawKey } from '../../apps/server/src/modules/releases/index.ts';
import { queryRows, type Database } from '../../apps/server/src/db/database.ts';
import type { ReadyApplicant } from '../../apps/server/test/support/booking-fixtures.ts';
import { inParallel, jsonRequest, latencySummary } from './http.ts';
import { counters, type StormFigures } from './release-fcfs.ts';

/** The queue's figures: the storm's, and what the waiting room itself cost and told people. */
export interface QueueFigures extends StormFigures {
  readonly joined: number;
  readonly joinsPerSec: number;
  /** Reads of a ticket itself (authenticated, its own row). */
  readonly polls: number;
  readonly pollsPerSec: number;
  /** Reads of the release's public progress (one cached answer a second for everyone). */
  readonly progressReads: number;
  readonly progressReadsPerSec: number;
  /** How long after the last seat went each person who got none was told so (ms). */
  readonly soldOutNotice: { p50: number; p99: number };
  readonly endStates: Record<string, number>;
}

const TERMINAL = new Set(['BOOKED', 'SOLD_OUT', 'CLOSED', 'EXPIRED']);
/** A run that has not settled by then has failed: admissions last 10 minutes. */
const GIVE_UP_MS = 8 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Puts the release's seats where the bench wants them: every session released at `releaseAt` keeps
 * only what is booked, then `seats` are spread over its first `k` REGULAR sessions. Answers their ids.
 */
export async function releaseSessions(
  db: Database,
  office: string,
  releaseAt: Date,
  seats: number,
  k: number,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from sessions where office_code = ${office} and released_at = ${releaseAt}
        and service = 'REGULAR' order by starts_at limit ${k}`,
  );
  if (rows.length === 0)
    throw new Error(`${office} releases no REGULAR session at ${releaseAt.toISOString()}`);
  await db.execute(sql`update sessions set capacity = booked
                       where office_code = ${office} and released_at = ${releaseAt}`);
  const ids = rows.map((r) => r.id);
  for (const [i, id] of ids.entries()) {
    const share = Math.floor(seats / ids.length) + (i < seats % ids.length ? 1 : 0);
    await db.execute(sql`update sessions set capacity = booked + ${share} where id = ${id}`);
  }
  return ids;
}

/**
 * The crowd through the waiting room: everyone joins before the instant (spread over both
 * processes), then, from a random moment in the release's first 3 seconds, follows their ticket as
 * the app does (every estimated wait / 3, between 0.5 and 5 s): through the release's public progress
 * and their own draw key, reading the ticket itself only near the front, at their turn or at the end
 * (#shared/release-progress.ts); and submits with the admission the moment it comes, trying the next
 * session when one is full.
 */
export async function queueStorm(options: {
  bases: readonly string[];
  people: readonly ReadyApplicant[];
  sessions: readonly string[];
  connections: number;
  db: Database;
  office: string;
  openRelease: () => Promise<void>;
}): Promise<QueueFigures> {
  const { bases, people, sessions, office } = options;
  const base = (i: number) => bases[i % bases.length]!;
  const failures: string[] = [];
  const unexpected = new Map<string, number>();
  const count = (key: string) => unexpected.set(key, (unexpected.get(key) ?? 0) + 1);

  const joinAgent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const tickets: string[] = new Array(people.length);
  /** Each person's ticket as the server last answered it (the join's answer first, as in the app). */
  const lastRead: (TicketView | null)[] = new Array(people.length).fill(null);
  const joinStarted = performance.now();
  await inParallel(people.length, options.connections * bases.length, async (i) => {
    const person = people[i]!;
    const answer = await jsonRequest<TicketView & { code?: string }>(
      joinAgent,
      `${base(i)}/api/v1/offices/${office}/release-queue`,
      { body: { applicationId: person.applicationId }, token: person.token },
    );
    if (answer.status === 201) {
      tickets[i] = answer.body.id;
      lastRead[i] = answer.body;
    } else count(`join ${answer.status} ${answer.body.code}`);
  });
  const joinsPerSec = Math.round(people.length / ((performance.now() - joinStarted) / 1000));
  joinAgent.destroy();
  const joined = tickets.filter(Boolean).length;
  if (joined !== people.length) failures.push(`queue: ${joined} of ${people.length} joined`);

  await options.openRelease();
  const pollAgent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const submitAgent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const started = performance.now();
  const deadline = started + GIVE_UP_MS;
  const latencies: number[] = [];
  const soldOutSeen: number[] = [];
  const endStates = new Map<string, number>();
  let booked = 0;
  let lastBooking = 0;
  let submits = 0;
  let polls = 0;
  let progressReads = 0;
  let fiveHundreds = 0;

  /** Submits with the admission, the next session when one is full. True when the seat is taken. */
  async function book(i: number, admission: string): Promise<boolean> {
    const person = people[i]!;
    for (let s = 0; s < sessions.length; s++) {
      submits++;
      const answer = await jsonRequest<{ code?: string }>(
        submitAgent,
        `${base(i)}/api/v1/applications/${person.applicationId}/submit`,
        { body: { sessionId: sessions[(i + s) % sessions.length], admission }, token: person.token },
      );
      latencies.push(answer.ms);
      if (answer.status === 200) {
        booked++;
        lastBooking = performance.now();
        return true;
      }
      if (answer.status >= 500) fiveHundreds++;
      if (answer.status === 409 && answer.body.code === 'SESSION_FULL') continue;
      count(`submit ${answer.status} ${answer.body.code}`);
      return false;
    }
    return false;
  }

  /**
   * What the person's phone would show now: from the release's public progress while the ticket waits
   * (revalidated with its ETag, as a browser does), from the ticket itself when the progress says only
   * the ticket can tell (the app's useTicket does the same).
   */
  async function look(i: number, progress: { etag?: string | undefined; body?: ReleaseProgress }) {
    const known = lastRead[i];
    if (known?.releaseId && (known.state === 'WAITING_FOR_DRAW' || known.state === 'QUEUED')) {
      progressReads++;
      const answer = await jsonRequest<ReleaseProgress>(
        pollAgent,
        `${base(i)}/api/v1/offices/${office}/releases/${known.releaseId}/progress`,
        { ifNoneMatch: progress.etag },
      );
      if (answer.status >= 500) fiveHundreds++;
      if (answer.status === 200) Object.assign(progress, { etag: answer.etag, body: answer.body });
      else if (answer.status !== 304) count(`progress ${answer.status}`);
      const seed = progress.body?.seed;
      const followed =
        progress.body &&
        ticketProgress({ ...known, drawKey: seed ? drawKey(seed, known.id) : null }, progress.body);
      if (followed) return { status: 200, body: { ...known, ...followed } };
    }
    polls++;
    const answer = await jsonRequest<TicketView & { code?: string }>(
      pollAgent,
      `${base(i)}/api/v1/offices/${office}/release-queue/${tickets[i]}`,
      { token: people[i]!.token },
    );
    if (answer.status === 200) lastRead[i] = answer.body;
    return answer;
  }

  async function follow(i: number): Promise<void> {
    const ticketId = tickets[i];
    if (!ticketId) return;
    await sleep(Math.random() * 3_000);
    let state = 'UNKNOWN';
    const progress = {};
    while (performance.now() < deadline) {
      const answer = await look(i, progress);
      if (answer.status !== 200) {
        if (answer.status >= 500) fiveHundreds++;
        count(`ticket ${answer.status} ${(answer.body as { code?: string }).code}`);
        await sleep(1_000);
        continue;
      }
      const ticket = answer.body;
      state = ticket.state;
      if (state === 'ADMITTED' && ticket.admission) {
        state = (await book(i, ticket.admission.token)) ? 'BOOKED' : 'NO_SEAT_WHEN_ADMITTED';
        break;
      }
      if (TERMINAL.has(state)) {
        if (state === 'SOLD_OUT') soldOutSeen.push(performance.now());
        break;
      }
      const wait = Math.min(5, Math.max(0.5, (ticket.estimatedWaitSeconds ?? 1) / 3));
      await sleep(wait * 1_000 * (0.9 + Math.random() * 0.2));
    }
    endStates.set(state, (endStates.get(state) ?? 0) + 1);
  }

  await Promise.all(people.map((_, i) => follow(i)));
  const elapsed = (performance.now() - started) / 1000;
  pollAgent.destroy();
  submitAgent.destroy();

  const seats = await counters(options.db, sessions);
  const sellOutSeconds = (lastBooking - started) / 1000;
  if (seats.oversold > 0) failures.push(`queue: ${seats.oversold} sessions oversold`);
  if (seats.sold !== seats.capacity) failures.push(`queue: sold ${seats.sold} of ${seats.capacity}`);
  if (booked !== seats.sold) failures.push(`queue: ${booked} answers 200 but ${seats.sold} seats sold`);
  if (fiveHundreds > 0) failures.push(`queue: ${fiveHundreds} answers 5xx`);
  if (unexpected.size > 0)
    failures.push(`queue: other answers ${JSON.stringify(Object.fromEntries(unexpected))}`);
  const unsettled = [...endStates].filter(([state]) => !TERMINAL.has(state));
  if (unsettled.length > 0)
    failures.push(`queue: unsettled tickets ${JSON.stringify(Object.fromEntries(unsettled))}`);
  const notice = latencySummary(soldOutSeen.map((at) => Math.max(0, at - lastBooking)));
  return {
    ...seats,
    fiveHundreds,
    submits,
    bookingsPerSec: Math.round(seats.sold / sellOutSeconds),
    sellOutSeconds: Math.round(sellOutSeconds * 10) / 10,
    submit: latencySummary(latencies),
    failures,
    joined,
    joinsPerSec,
    polls,
    pollsPerSec: Math.round(polls / elapsed),
    progressReads,
    progressReadsPerSec: Math.round(progressReads / elapsed),
    soldOutNotice: { p50: notice.p50, p99: notice.p99 },
    endStates: Object.fromEntries(endStates),
  };
}
