import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, BlobNotFoundError, type BlobStore } from './blob-store.port.ts';

/** Unfinished uploads; on the same filesystem as the objects, so the final rename is atomic. */
const INCOMING = '.incoming';

/**
 * Adapter of the BlobStore port over a local directory (one machine, or a shared volume). An object
 * is written to `.incoming/` and renamed into place when complete, so a reader never sees half a file
 * and a crash leaves only a stray temporary file. `ab/cd/abcd…`: two levels of folders keep any one
 * directory small. No fsync: a scan lost in a power cut is uploaded again, the record is not affected.
 */
export function createFilesystemBlobStore(dir: string): BlobStore {
  const root = resolve(dir);
  const incoming = join(root, INCOMING);

  function pathOf(key: string): string {
    assertBlobKey(key);
    const path = join(root, key.slice(0, 2), key.slice(2, 4), key);
    // The key pattern already rules out escaping; this keeps it true if the pattern is ever loosened.
    if (!path.startsWith(root + sep)) throw new Error('A blob key must stay inside the blob directory');
    return path;
  }

  return {
    async put(key, body: Readable) {
      const target = pathOf(key);
      await mkdir(incoming, { recursive: true });
      const temporary = join(incoming, `${key}.${randomBytes(6).toString('hex')}`);
      try {
        await pipeline(body, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
        await mkdir(dirname(target), { recursive: true });
        await rename(temporary, target);
      } catch (error) {
        await removeIfPresent(temporary);
        throw error;
      }
    },

    async get(key) {
      const path = pathOf(key);
      // Opened before the stream is handed out, so a missing object is an error here, not mid-stream.
      const handle = await open(path, 'r').catch((error: unknown) => {
        throw isMissing(error) ? new BlobNotFoundError(key) : error;
      });
      return handle.createReadStream();
    },

    async delete(key) {
      await removeIfPresent(pathOf(key));
    },
  };
}

async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
