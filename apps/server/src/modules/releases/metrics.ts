import { Counter, Gauge, type Registry } from 'prom-client';
import type { ReleasesService } from './service.ts';

/**
 * What operators watch during a release (issue 14): the queue, the admissions, the seats left, per
 * office and release instant, as this process's worker last saw them. Booking latency is the submit
 * route's `http_request_duration_seconds`.
 */
export function registerReleaseMetrics(registry: Registry, releases: Pick<ReleasesService, 'gauges'>): void {
  const labelNames = ['office', 'release_at'] as const;
  const labels = (g: { officeCode: string; releaseAt: Date }) => ({
    office: g.officeCode,
    release_at: g.releaseAt.toISOString(),
  });
  const admissions = new Counter({
    name: 'release_admissions_total',
    help: 'Tickets admitted to book, per release (rate = admission rate)',
    labelNames,
    registers: [registry],
  });
  const seen = new Map<string, number>();
  new Gauge({
    name: 'release_queue_waiting',
    help: 'Tickets in a release queue not admitted yet',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const g of releases.gauges()) {
        this.set(labels(g), g.waiting);
        // The counter follows the highest admitted total the worker saw: a process that did not admit
        // this round reports the crowd's figure, up to a second older than the one it counted itself.
        const key = `${g.officeCode}@${g.releaseAt.toISOString()}`;
        const before = seen.get(key) ?? 0;
        if (g.admitted > before) {
          admissions.inc(labels(g), g.admitted - before);
          seen.set(key, g.admitted);
        }
      }
    },
  });
  new Gauge({
    name: 'release_seats_left',
    help: 'Seats of a running release still free',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const g of releases.gauges()) this.set(labels(g), g.seatsLeft);
    },
  });
  new Gauge({
    name: 'release_admissions_outstanding',
    help: 'Admitted tickets that may still book',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const g of releases.gauges()) this.set(labels(g), g.outstanding);
    },
  });
}
