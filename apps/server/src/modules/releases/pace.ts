/**
 * How fast a process lets admitted people in, from how fast their submits come back (issue 14:
 * "admitted at the rate seats can be sold"). RELEASE_ADMIT_PER_SECOND is the most; this is the share
 * of it the booking path can take now. When admitted submits take longer than the target (p90 of those
 * finished in the last interval, with those still running counted at their age), the share halves;
 * when they come back well within it, it grows by a quarter, up to all of it. Admitting faster than
 * seats can be booked only makes the admitted wait on each other: the seats sell no sooner, and the
 * people the waiting room promised a quick booking get a slow one.
 *
 * A handful of submits says nothing about a crowd: fewer than `minSamples` never slows anyone down.
 * Times are the process's own monotonic milliseconds, not the business clock.
 */
export interface AdmissionPace {
  /** An admitted submit passed the gate (releases' admit), having begun at `since` (default now). */
  started(ticketId: string, since?: number): void;
  /** Seats were taken for these tickets (releases' markBooked). */
  booked(ticketIds: readonly string[]): void;
  /** The share of RELEASE_ADMIT_PER_SECOND to admit at now, in (0, 1]; re-judged once an interval. */
  share(): number;
  /** The share as last judged, for metrics. */
  current(): number;
}

export interface PaceSettings {
  /** Admitted submits should come back within this (p90); 0 admits at the full rate always. */
  readonly targetMs: number;
  readonly intervalMs?: number;
  readonly minSamples?: number;
  readonly minShare?: number;
  readonly now?: () => number;
}

/** What a submit running longer than this has become: abandoned or refused, not slow. */
const FORGET_AFTER_MS = 60_000;

export function createAdmissionPace(settings: PaceSettings): AdmissionPace {
  const { targetMs, intervalMs = 500, minSamples = 20, minShare = 0.02 } = settings;
  const now = settings.now ?? (() => performance.now());
  const running = new Map<string, number>();
  let finished: number[] = [];
  let share = 1;
  let judgedAt = now();

  function judge(at: number): void {
    const ages = [...running.entries()]
      .filter(([id, since]) => (at - since > FORGET_AFTER_MS ? !running.delete(id) : true))
      .map(([, since]) => at - since);
    const samples = [...finished, ...ages.filter((age) => age > targetMs)];
    finished = [];
    if (samples.length < minSamples) {
      share = Math.min(1, share * 1.25);
      return;
    }
    const p90 = percentile(samples, 0.9);
    if (p90 > targetMs) share = Math.max(minShare, share / 2);
    else if (p90 < targetMs / 2) share = Math.min(1, share * 1.25);
  }

  return {
    started(ticketId, since = now()) {
      if (targetMs > 0) running.set(ticketId, since);
    },
    booked(ticketIds) {
      const at = now();
      for (const id of ticketIds) {
        const since = running.get(id);
        if (since === undefined) continue;
        running.delete(id);
        finished.push(at - since);
      }
    },
    share() {
      if (targetMs <= 0) return 1;
      const at = now();
      if (at - judgedAt >= intervalMs) {
        judge(at);
        judgedAt = at;
      }
      return share;
    },
    current: () => (targetMs <= 0 ? 1 : share),
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
