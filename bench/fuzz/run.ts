import { spawnSync } from 'node:child_process';

/**
 * `npm run bench:fuzz` (issue 18): the contract fuzzer at bench size — 10,000 requests per seed, the
 * fixed seed and a random one (FUZZ_SEED to replay), on the embedded database or DATABASE_URL. Prints
 * operations, requests, failures by kind (5xx, a refusal without a problem code, an answer that does
 * not fit the operation's documented schema) and the seeds.
 */
const requests = process.env.FUZZ_REQUESTS ?? '10000';
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'integration', 'apps/server/test/integration/fuzz-contract.test.ts'],
  { env: { ...process.env, FUZZ_REQUESTS: requests }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const output = `${run.stdout}\n${run.stderr}`;
// eslint-disable-next-line no-control-regex
const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
const figures = /fuzz: .*/.exec(plain)?.[0] ?? 'fuzz: no figures (the run failed before the end)';
console.log(figures);
if (run.status !== 0) {
  console.log(
    plain
      .split('\n')
      .filter((line) => /\+ {3}"|Error/.test(line))
      .slice(0, 30)
      .join('\n'),
  );
  process.exit(1);
}
