import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildWeb } from '../../scripts/build-web.ts';
import { spawnServer, waitUntilReady } from '../../apps/server/test/support/server-process.ts';
import { formatFigures, measureWeb, type WebFigures } from './lighthouse.ts';
import { formatMemoryFigures, measureMemory, type MemoryFigures } from './memory.ts';

/**
 * `npm run bench:web`: the front door's figures in one run — Lighthouse for `/` (mobile) and `/console`
 * (desktop), the applicant's first-load JavaScript, and the embedded server's RSS idle and after a
 * booking storm — each beside the target issue 13 set. Memory first: Lighthouse leaves Chromium
 * processes that would share the two cores with the storm.
 */
const TARGETS = {
  applicantPerformance: 98,
  applicantFcpMs: 1800,
  consolePerformance: 95,
  idleRssMb: 300,
  postStormRssMb: 400,
};

async function lighthouseOnOwnServer(runs: number): Promise<WebFigures> {
  buildWeb({ force: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-bench-web-'));
  const server = await spawnServer({ env: { DATA_DIR: dataDir, SIMULATION: 'on' } });
  try {
    await waitUntilReady(server);
    return await measureWeb({ baseUrl: server.url, runs });
  } finally {
    await server.stop();
    server.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function verdicts(web: WebFigures, memory: MemoryFigures): string[] {
  const line = (what: string, value: number, unit: string, ok: boolean, target: string) =>
    `| ${what} | ${value}${unit} | ${target} | ${ok ? 'met' : 'NOT met'} |`;
  return [
    '| figure | measured | target | |',
    '| --- | --- | --- | --- |',
    line(
      '`/` Performance (mobile)',
      web.applicant.performance.median,
      '',
      web.applicant.performance.median >= TARGETS.applicantPerformance,
      `≥ ${TARGETS.applicantPerformance}`,
    ),
    line(
      '`/` FCP (mobile)',
      web.applicant.fcpMs.median,
      ' ms',
      web.applicant.fcpMs.median < TARGETS.applicantFcpMs,
      `< ${TARGETS.applicantFcpMs} ms`,
    ),
    line(
      '`/console` Performance (desktop)',
      web.console.performance.median,
      '',
      web.console.performance.median >= TARGETS.consolePerformance,
      `≥ ${TARGETS.consolePerformance}`,
    ),
    line(
      'idle RSS',
      memory.idleRssMb,
      ' MB',
      memory.idleRssMb < TARGETS.idleRssMb,
      `< ${TARGETS.idleRssMb} MB`,
    ),
    line(
      'RSS after the storm',
      memory.postStormRssMb,
      ' MB',
      memory.postStormRssMb < TARGETS.postStormRssMb,
      `< ${TARGETS.postStormRssMb} MB`,
    ),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, attempts: { type: 'string', default: '2000' } },
    strict: true,
  });
  const runs = Number(values.runs);
  const attempts = Number(values.attempts);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error('--attempts must be a positive integer');

  console.log('Memory: embedded server, first start, restart, booking storm…');
  const memory = await measureMemory({ attempts, log: (line) => console.log(`  ${line}`) });
  console.log(`Lighthouse: ${runs} runs per page…`);
  const web = await lighthouseOnOwnServer(runs);

  console.log(`\n${formatMemoryFigures([memory])}\n\n${formatFigures(web)}\n`);
  console.log(verdicts(web, memory).join('\n'));
  console.log(JSON.stringify({ bench: 'web', date: new Date().toISOString(), web, memory }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
