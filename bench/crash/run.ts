import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { positiveInt } from '../support/environment.ts';

/**
 * `npm run bench:crash` (issue 18): kill -9 at bench size. Runs the embedded-database crash test with
 * more kill rounds and writes (one server on PGlite, SIGKILL mid-writes, restart on the same data
 * directory), and with `--postgres` the two-process test on PostgreSQL (POSTGRES_TEST_URL, default the
 * local server) as well. Prints kills, acknowledged writes, lost writes and invariant violations;
 * exits 1 if anything acknowledged was lost or an invariant broke.
 *
 *   node bench/crash/run.ts [--kills 6] [--submits 300] [--registrations 10] [--postgres]
 */
const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '6' },
    submits: { type: 'string', default: '300' },
    registrations: { type: 'string', default: '10' },
    postgres: { type: 'boolean', default: false },
  },
  strict: true,
});
const env = {
  ...process.env,
  CRASH_KILLS: String(positiveInt('kills', args.kills, 100)),
  CRASH_SUBMITS: String(positiveInt('submits', args.submits, 5_000)),
  CRASH_REGISTRATIONS: String(positiveInt('registrations', args.registrations, 100)),
};
const files = [
  'apps/server/test/system/crash-consistency-embedded.test.ts',
  ...(args.postgres ? ['apps/server/test/system/crash-consistency.test.ts'] : []),
];

let failed = false;
for (const file of files) {
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'system', file], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const plain = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const figures = plain.match(/^crash \(.*$/gm) ?? [`${file}: no figures (the run failed before the end)`];
  for (const line of figures) console.log(line);
  if (run.status !== 0) {
    failed = true;
    console.log(
      plain
        .split('\n')
        .filter((line) => /\+ {3}"|Error|expected/.test(line))
        .slice(0, 30)
        .join('\n'),
    );
  }
}
process.exit(failed ? 1 : 0);
