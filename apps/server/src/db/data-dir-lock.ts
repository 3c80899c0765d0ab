import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite has no lock between processes: a second process would open a live data directory without
 * complaint and corrupt it (docs/PITFALLS.md). We take a lock file with O_EXCL and refuse a second
 * opener, naming the process that holds the directory. A lock left by a process that died is taken over.
 */
export class DataDirectoryInUseError extends Error {
  constructor(directory: string, holder: LockHolder) {
    super(
      `The data directory ${directory} is in use by another M-Paspor process (pid ${holder.pid} on ${holder.host}, ` +
        `since ${holder.since}). Stop that process, or use another DATA_DIR or a DATABASE_URL.`,
    );
    this.name = 'DataDirectoryInUseError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface DataDirectoryLock {
  release(): void;
}

export const LOCK_FILE = 'mpaspor.lock';

export function lockDataDirectory(directory: string): DataDirectoryLock {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, JSON.stringify(me));
      closeSync(fd);
      return { release: () => releaseIfMine(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder === 'being-written') throw new DataDirectoryInUseError(directory, unknownHolder);
      if (holder && isAlive(holder)) throw new DataDirectoryInUseError(directory, holder);
      // Stale: move it aside atomically so two processes cannot both take it over.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        rmSync(`${path}.stale-${process.pid}`, { force: true });
      } catch {
        // Another process moved it first; try again.
      }
    }
  }
  throw new Error(`Could not lock the data directory ${directory}`);
}

const unknownHolder: LockHolder = { pid: 0, host: 'unknown', since: 'just now' };

/** An unreadable lock younger than a few seconds belongs to a process still writing it. */
function readHolder(path: string): LockHolder | 'being-written' | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    try {
      return Date.now() - statSync(path).mtimeMs < 5_000 ? 'being-written' : null;
    } catch {
      return null;
    }
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // cannot check another machine: assume it is alive
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(path: string): void {
  const holder = readHolder(path);
  if (typeof holder === 'object' && holder?.pid === process.pid && holder.host === hostname())
    rmSync(path, { force: true });
}
