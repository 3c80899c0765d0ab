import { request, type Agent } from 'node:http';

/** One JSON request over a keep-alive agent: status, parsed body (or `{}`), time to the last byte. */
export interface JsonAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly ms: number;
  readonly etag: string | undefined;
}

export function jsonRequest<T = Record<string, unknown>>(
  agent: Agent,
  url: string,
  options: { method?: string; body?: unknown; token?: string; ifNoneMatch?: string | undefined } = {},
): Promise<JsonAnswer<T>> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload ? 'POST' : 'GET'),
        agent,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.ifNoneMatch ? { 'if-none-match': options.ifNoneMatch } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: T;
          try {
            body = (text ? JSON.parse(text) : {}) as T;
          } catch {
            body = { code: `unparsable body: ${text.slice(0, 200)}` } as T;
          }
          const etag = res.headers.etag;
          resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started, etag });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function latencySummary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Runs `count` jobs with `concurrency` in flight. */
export async function inParallel(count: number, concurrency: number, job: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await job(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
