import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the web app (applicant PWA + officer console) when its sources changed since the last build,
 * so `npm start` on a fresh clone serves a current app without a separate step.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = join(root, 'apps/web');
const distDir = join(webDir, 'dist');
const stampFile = join(distDir, '.build-hash');
const inputs = [webDir, join(root, 'packages/shared/src'), join(root, 'package-lock.json')];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    yield* files(join(path, entry.name));
  }
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(input)) hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function buildWeb(options: { force: boolean }): void {
  const hash = sourceHash();
  const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!options.force && current === hash && existsSync(join(distDir, 'index.html'))) return;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) {
    console.warn('Vite is not installed (npm ci installs it); serving the API without the web app.');
    return;
  }
  console.log('Building the web app…');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(webDir, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`Web build failed (exit ${result.status})`);
  writeFileSync(stampFile, `${hash}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildWeb({ force: process.argv.includes('--force') });
}
