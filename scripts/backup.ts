/**
 * Backs up a running server's embedded database (docs/runbooks/backup-restore.md):
 *   npm run backup -- <file.tar.gz>
 * The server holds DATA_DIR's lock, so it makes the copy itself (POST /api/v1/officer/backups, HQ
 * administrators only, audited); this script logs in, saves the answer and logs out. Settings:
 *   MPASPOR_URL            the server (default http://127.0.0.1:$PORT, PORT default 3000)
 *   MPASPOR_OFFICER_TOKEN  a session token of an HQ administrator, or else:
 *   MPASPOR_OFFICER, MPASPOR_PASSWORD, MPASPOR_TOTP (when the account has an authenticator)
 * On PostgreSQL the server answers BACKUP_USE_PG_DUMP: use pg_dump there.
 */
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';

const env = process.env;
const [fileArgument] = process.argv.slice(2);
if (!fileArgument) fail('usage: npm run backup -- <file.tar.gz>', 2);
// npm runs scripts from the package root; a path is meant from where the command was typed.
const file = resolve(env.INIT_CWD ?? process.cwd(), fileArgument);
if (existsSync(file)) fail(`${file} exists already: a backup never overwrites another.`, 2);
const base = (env.MPASPOR_URL ?? `http://127.0.0.1:${env.PORT ?? '3000'}`).replace(/\/$/, '');

const started = performance.now();
const session = env.MPASPOR_OFFICER_TOKEN ? null : await logIn();
const token = env.MPASPOR_OFFICER_TOKEN ?? session!;
const partial = `${file}.partial`;
try {
  const response = await call('POST', '/api/v1/officer/backups', token);
  if (response.status !== 200 || !response.body) fail(await problemOf(response));
  try {
    await pipeline(
      Readable.fromWeb(response.body as ReadableStream<Uint8Array>),
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
} finally {
  if (session) await call('DELETE', '/api/v1/officer/sessions/current', session).catch(() => undefined);
}
const megabytes = (statSync(file).size / 1_048_576).toFixed(1);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`backup written: ${file} (${megabytes} MB, ${seconds} s)`);
console.log('Now copy the scans (blobs/, or the S3 bucket) as the runbook says.');

async function logIn(): Promise<string> {
  const username = env.MPASPOR_OFFICER;
  const password = env.MPASPOR_PASSWORD;
  if (!username || !password) {
    fail('Set MPASPOR_OFFICER_TOKEN, or MPASPOR_OFFICER and MPASPOR_PASSWORD of an HQ administrator.', 2);
  }
  const response = await fetch(`${base}/api/v1/officer/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ username, password, ...(env.MPASPOR_TOTP ? { totp: env.MPASPOR_TOTP } : {}) }),
  }).catch((error: Error) => fail(`Cannot reach ${base}: ${error.message}`));
  if (response.status !== 201) fail(`Log-in refused: ${await problemOf(response)}`);
  return ((await response.json()) as { token: string }).token;
}

function call(method: string, path: string, bearer: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'accept-language': 'en' },
  }).catch((error: Error) => fail(`Cannot reach ${base}: ${error.message}`));
}

async function problemOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string; title?: string };
    return `${response.status} ${problem.code ?? ''}: ${problem.detail ?? problem.title ?? ''}`;
  } catch {
    return `${response.status}: ${text.slice(0, 200)}`;
  }
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}
