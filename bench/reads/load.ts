import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * A keep-alive load generator on node:http (autocannon is not a dependency): `connections` clients,
 * each sending its next request when the previous answer has fully arrived, for `durationMs`.
 * Requests still in flight at the cutoff are awaited and counted, so the count is exact.
 */
export interface LoadRequest {
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LoadOptions {
  readonly baseUrl: string;
  readonly connections: number;
  readonly durationMs: number;
  /** The i-th request of the run (any client). */
  readonly next: (i: number) => LoadRequest;
  /** Server process whose CPU time is reported (Linux /proc). */
  readonly serverPid?: number | undefined;
}

export interface LoadFigures {
  readonly requests: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Answers by HTTP status ("0": no answer, the connection failed). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Mean body bytes per answer. */
  readonly meanBytes: number;
  /** Cores the server process kept busy; the client's own share. */
  readonly serverCpu: number;
  readonly clientCpu: number;
}

export async function drive(options: LoadOptions): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const { hostname, port } = new URL(options.baseUrl);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  let issued = 0;
  const one = (req: LoadRequest): Promise<void> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const done = (status: number) => {
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        resolve();
      };
      const sent = request({ agent, hostname, port, path: req.path, headers: req.headers }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', () => done(0));
      });
      sent.on('error', () => done(0));
      sent.end();
    });

  // Every client opens its connection before the clock starts: connects are not what this measures.
  await Promise.all(Array.from({ length: options.connections }, () => one(options.next(issued++))));
  latencies.length = 0;
  statuses.clear();
  bytes = 0;

  const serverBefore = cpuSecondsOf(options.serverPid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) await one(options.next(issued++));
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  const clientUsage = process.cpuUsage(clientBefore);
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) =>
    round1(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN);
  return {
    requests: sorted.length,
    perSec: Math.round(sorted.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: round1(sorted.at(-1) ?? NaN),
    statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
    meanBytes: Math.round(bytes / Math.max(1, sorted.length)),
    serverCpu: round2((cpuSecondsOf(options.serverPid) - serverBefore) / seconds),
    clientCpu: round2((clientUsage.user + clientUsage.system) / 1e6 / seconds),
  };
}

/** One GET, its status, headers and body; for the bench's own set-up requests. */
export function getOnce(
  baseUrl: string,
  path: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ status: number; etag: string | undefined; cacheControl: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(`${baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          etag: res.headers.etag,
          cacheControl: res.headers['cache-control'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** User + system CPU seconds a process has used so far (Linux /proc; NaN elsewhere or without a pid). */
export function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
