import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Real server processes for system tests: started as an operator would, stopped with signals. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
  /** Signals the process (npm forwards it to the server) and waits for its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Kills whatever is left of the process group; for clean-up after a failed test. */
  kill(): void;
}

export interface StartOptions {
  readonly env?: Record<string, string>;
  /** `main` runs the server file; `npm-start` runs the README's `npm start`. */
  readonly via?: 'main' | 'npm-start';
}

export async function spawnServer(options: StartOptions = {}): Promise<ServerProcess> {
  const port = Number(options.env?.PORT ?? (await freePort()));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, LOG_LEVEL: 'warn', PORT: String(port), ...options.env };
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    options.via === 'npm-start'
      ? npmCli
        ? [process.execPath, [npmCli, 'start']]
        : ['npm', ['start']]
      : [process.execPath, [MAIN]];
  const child = spawn(command, args as string[], { cwd: REPO_ROOT, env, detached: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    kill() {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    },
  };
}

/** Polls until `path` answers 200, or fails with the server's output if it exits or takes too long. */
export async function waitUntilReady(
  server: ServerProcess,
  path = '/readyz',
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}${path}`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
}

export async function getJson<T = Record<string, unknown>>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}
