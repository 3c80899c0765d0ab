/** The preview answer (`POST …/schedule/preview`) and its per-day summary for the admin's table. */
export interface PreviewSession {
  start: string;
  end: string;
  /** The pool (REGULAR, EXPRESS, PRIORITY): one session per slot and pool. */
  service?: string;
  capacity: number;
  releasedAt: string;
}
export interface PreviewDay {
  date: string;
  sessions: PreviewSession[];
}

export interface DaySummary {
  /** `08:00–09:00`, earliest first. */
  slots: string[];
  /** Seats per session by pool: a range when the day's slots differ. */
  pools: { pool: string; min: number; max: number }[];
  total: number;
  /** Distinct instants the day's seats open, earliest first. */
  released: string[];
}

const poolOrder = ['REGULAR', 'EXPRESS', 'PRIORITY'];

export function summariseDay(sessions: readonly PreviewSession[]): DaySummary {
  const slots = [...new Set(sessions.map((s) => `${s.start}–${s.end}`))].sort();
  const byPool = new Map<string, number[]>();
  for (const session of sessions) {
    const pool = session.service ?? '';
    byPool.set(pool, [...(byPool.get(pool) ?? []), session.capacity]);
  }
  const rank = (pool: string) => (poolOrder.includes(pool) ? poolOrder.indexOf(pool) : poolOrder.length);
  const pools = [...byPool.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([pool, seats]) => ({ pool, min: Math.min(...seats), max: Math.max(...seats) }));
  return {
    slots,
    pools,
    total: sessions.reduce((sum, s) => sum + s.capacity, 0),
    released: [...new Set(sessions.map((s) => s.releasedAt))].sort(),
  };
}
