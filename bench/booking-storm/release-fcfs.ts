import { Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type Database } from '../../apps/server/src/db/database.ts';
import type { ReadyApplicant } from '../../apps/server/test/support/booking-fixtures.ts';
import { inParallel, jsonRequest, latencySummary } from './http.ts';

/** What a storm shows, the same for both ways of selling the seats. */
export interface StormFigures {
  readonly sold: number;
  readonly capacity: number;
  readonly oversold: number;
  readonly fiveHundreds: number;
  readonly submits: number;
  readonly bookingsPerSec: number;
  readonly sellOutSeconds: number;
  /** Latency of the submits that matter: all of them here, the admitted ones in the queue. */
  readonly submit: ReturnType<typeof latencySummary>;
  readonly failures: string[];
}

/** Seats sold and capacity of sessions, and how many are past capacity (must be none). */
export async function counters(db: Database, sessionIds: readonly string[]) {
  const [row] = await queryRows<{ sold: number; capacity: number; oversold: number }>(
    db,
    sql`select sum(booked)::int as sold, sum(capacity)::int as capacity,
               count(*) filter (where booked > capacity)::int as oversold
        from sessions where id in (${sql.join(
          sessionIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return {
    sold: Number(row?.sold ?? 0),
    capacity: Number(row?.capacity ?? 0),
    oversold: Number(row?.oversold ?? 0),
  };
}

/** Everyone submits at once for one of the sessions, spread over both processes: today's path. */
export async function fcfsStorm(options: {
  bases: readonly string[];
  people: readonly ReadyApplicant[];
  sessions: readonly string[];
  connections: number;
  db: Database;
}): Promise<StormFigures> {
  const { bases, people, sessions } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const started = performance.now();
  const latencies: number[] = [];
  let lastBooking = 0;
  let booked = 0;
  let fiveHundreds = 0;
  const other = new Map<string, number>();
  await inParallel(people.length, options.connections * bases.length, async (i) => {
    const person = people[i]!;
    const answer = await jsonRequest<{ code?: string }>(
      agent,
      `${bases[i % bases.length]}/api/v1/applications/${person.applicationId}/submit`,
      { body: { sessionId: sessions[i % sessions.length] }, token: person.token },
    );
    latencies.push(answer.ms);
    if (answer.status === 200) {
      booked++;
      lastBooking = performance.now();
    } else if (answer.status >= 500) fiveHundreds++;
    else if (!(answer.status === 409 && answer.body.code === 'SESSION_FULL')) {
      const key = `${answer.status} ${answer.body.code}`;
      other.set(key, (other.get(key) ?? 0) + 1);
    }
  });
  agent.destroy();
  const count = await counters(options.db, sessions);
  const sellOutSeconds = (lastBooking - started) / 1000;
  const failures: string[] = [];
  if (count.oversold > 0) failures.push(`FCFS: ${count.oversold} sessions oversold`);
  if (count.sold !== count.capacity) failures.push(`FCFS: sold ${count.sold} of ${count.capacity}`);
  if (booked !== count.sold) failures.push(`FCFS: ${booked} answers 200 but ${count.sold} seats sold`);
  if (fiveHundreds > 0) failures.push(`FCFS: ${fiveHundreds} answers 5xx`);
  if (other.size > 0) failures.push(`FCFS: other answers ${JSON.stringify(Object.fromEntries(other))}`);
  return {
    ...count,
    fiveHundreds,
    submits: people.length,
    bookingsPerSec: Math.round(count.sold / sellOutSeconds),
    sellOutSeconds: Math.round(sellOutSeconds * 10) / 10,
    submit: latencySummary(latencies),
    failures,
  };
}

/** The bare conditional UPDATE the seat is taken with, one statement per attempt. */
export async function bareSql(options: {
  url: string;
  sessionId: string;
  attempts: number;
  connections: number;
  poolSize: number;
}) {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize });
  await Promise.all(Array.from({ length: options.poolSize }, () => pool.query('select 1')));
  let sold = 0;
  let lastSeat = 0;
  const started = performance.now();
  await inParallel(options.attempts, options.connections, async () => {
    const now = new Date();
    const result = await pool.query(
      `update sessions set booked = booked + 1
       where id = $1 and booked < capacity and released_at <= $2 and starts_at > $2 returning booked`,
      [options.sessionId, now],
    );
    if (result.rowCount === 1) {
      sold++;
      lastSeat = performance.now();
    }
  });
  await pool.end();
  return { sold, seatsPerSec: Math.round((sold / (lastSeat - started)) * 1000) };
}
