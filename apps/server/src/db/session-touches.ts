import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

/** A login session seen again: its new "last seen" and the idle deadline that follows from it. */
export interface SessionTouch {
  readonly id: string;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
}

/**
 * Moves many sessions' "last seen" in one statement (one commit for the lot). Only forward: a touch
 * that arrives after a later one for the same session changes nothing.
 */
export async function touchSessionsIn(
  db: Database,
  table: 'account_sessions' | 'officer_sessions',
  touches: readonly SessionTouch[],
): Promise<void> {
  const latest = new Map<string, SessionTouch>();
  for (const touch of touches) {
    const seen = latest.get(touch.id);
    if (!seen || seen.lastSeenAt < touch.lastSeenAt) latest.set(touch.id, touch);
  }
  if (latest.size === 0) return;
  const rows = sql.join(
    [...latest.values()].map(
      (t) => sql`(${t.id}::uuid, ${t.lastSeenAt}::timestamptz, ${t.idleExpiresAt}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(
    sql`update ${sql.identifier(table)} as s
        set last_seen_at = v.seen, idle_expires_at = v.idle
        from (values ${rows}) as v(id, seen, idle)
        where s.id = v.id and s.last_seen_at < v.seen`,
  );
}
