/**
 * How fast the web app arrives: Lighthouse 12 (Performance only) on the applicant app at `/` with the
 * mobile preset and on the officer console at `/console` with the desktop preset, each run several times
 * (median reported, spread kept), plus the bytes of JavaScript the applicant's first load fetches.
 * See README.md beside this file.
 *
 *   node bench/web/lighthouse.ts [--runs 3] [--base-url http://127.0.0.1:3000]
 *
 * Without --base-url it builds the web app if stale, starts a server on a fresh temporary DATA_DIR
 * (embedded PGlite, simulation on), measures, and stops it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIGHTHOUSE_CLI = join(REPO_ROOT, 'node_modules/lighthouse/cli/index.js');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Debian's Chromium as root in a container: see docs PITFALLS (Outside tools). */
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-quic ' +
  '--no-first-run --disable-component-update --disable-sync';

export type Preset = 'mobile' | 'desktop';

/** A median with the lowest and highest of the runs it came from. */
export interface Figure {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface PageFigures {
  readonly url: string;
  readonly preset: Preset;
  readonly runs: number;
  /** Lighthouse Performance score, 0–100. */
  readonly performance: Figure;
  readonly fcpMs: Figure;
  readonly lcpMs: Figure;
  readonly tbtMs: Figure;
}

/** Bytes on the wire of the applicant page's initial JS (entry + modulepreloads), per encoding. */
export interface FirstLoadJs {
  readonly files: readonly string[];
  readonly raw: number;
  readonly gzip: number;
  readonly br: number;
}

export interface WebFigures {
  readonly applicant: PageFigures;
  readonly console: PageFigures;
  readonly firstLoadJs: FirstLoadJs;
}

export async function measureWeb(options: { baseUrl: string; runs?: number }): Promise<WebFigures> {
  const base = options.baseUrl.replace(/\/$/, '');
  const runs = options.runs ?? 3;
  return {
    firstLoadJs: await measureFirstLoadJs(base),
    applicant: await measurePage(`${base}/`, 'mobile', runs),
    console: await measurePage(`${base}/console`, 'desktop', runs),
  };
}

/** Runs Lighthouse `runs` times, one after another (they share two cores), and keeps the medians. */
export async function measurePage(url: string, preset: Preset, runs: number): Promise<PageFigures> {
  const results: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(url, preset));
  return {
    url,
    preset,
    runs,
    performance: figure(results.map((r) => r.performance)),
    fcpMs: figure(results.map((r) => r.fcpMs)),
    lcpMs: figure(results.map((r) => r.lcpMs)),
    tbtMs: figure(results.map((r) => r.tbtMs)),
  };
}

interface LighthouseRun {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
}

interface LighthouseJson {
  runtimeError?: { code: string; message: string };
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number }>;
}

async function lighthouseOnce(url: string, preset: Preset): Promise<LighthouseRun> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance',
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const { stdout } = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as LighthouseJson;
  const score = report.categories.performance.score;
  if (report.runtimeError || score === null) {
    throw new Error(`Lighthouse failed on ${url}: ${report.runtimeError?.message ?? 'no score'}`);
  }
  const metric = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
  return {
    performance: Math.round(score * 100),
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
  };
}

function figure(values: number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** The scripts the built index.html starts with: its module entry and the chunks it modulepreloads. */
export async function measureFirstLoadJs(base: string): Promise<FirstLoadJs> {
  const html = (await get(`${base}/`, 'identity', 'text/html')).toString('utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const total = async (encoding: string) => {
    let bytes = 0;
    for (const file of files) bytes += (await get(new URL(file, `${base}/`).href, encoding)).length;
    return bytes;
  };
  return { files, raw: await total('identity'), gzip: await total('gzip'), br: await total('br') };
}

/** The body as sent (node:http does not decode it, unlike fetch), so its length is what travelled. */
function get(url: string, encoding: string, accept = '*/*'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding, accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(Buffer.concat(chunks))
          : reject(new Error(`${url}: ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export function formatFigures(figures: WebFigures): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const cell = (f: Figure, unit = '') => `${f.median}${unit} (${f.min}–${f.max})`;
  const rows = [figures.applicant, figures.console].map(
    (p) =>
      `| ${new URL(p.url).pathname.padEnd(8)} | ${p.preset.padEnd(7)} | ${cell(p.performance)} | ` +
      `${cell(p.fcpMs, ' ms')} | ${cell(p.lcpMs, ' ms')} | ${cell(p.tbtMs, ' ms')} |`,
  );
  const js = figures.firstLoadJs;
  return [
    `Lighthouse 12, Performance only; median of ${figures.applicant.runs} runs (min–max)`,
    '| page     | preset  | performance | FCP | LCP | TBT |',
    '| -------- | ------- | ----------- | --- | --- | --- |',
    ...rows,
    '',
    `Applicant first-load JS (${js.files.length} files): raw ${kib(js.raw)}, gzip ${kib(js.gzip)}, br ${kib(js.br)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, 'base-url': { type: 'string' } },
    strict: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  if (values['base-url']) {
    console.log(formatFigures(await measureWeb({ baseUrl: values['base-url'], runs })));
    return;
  }
  const { buildWeb } = await import('../../scripts/build-web.ts');
  const { spawnServer, waitUntilReady } = await import('../../apps/server/test/support/server-process.ts');
  buildWeb({ force: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-bench-web-'));
  const server = await spawnServer({ env: { DATA_DIR: dataDir, SIMULATION: 'on' } });
  try {
    await waitUntilReady(server);
    console.log(formatFigures(await measureWeb({ baseUrl: server.url, runs })));
  } finally {
    await server.stop();
    server.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
