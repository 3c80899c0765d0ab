import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const argon2Async = promisify(argon2);

/**
 * argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1; OWASP Password Storage Cheat Sheet),
 * stored as a PHC string so the parameters can be raised later without breaking old hashes.
 */
const current = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const TAG_LENGTH = 32;

async function derive(
  password: string,
  salt: Buffer,
  params: { memory: number; passes: number; parallelism: number },
): Promise<Buffer> {
  return argon2Async('argon2id', {
    message: Buffer.from(password.normalize('NFC'), 'utf8'),
    nonce: salt,
    tagLength: TAG_LENGTH,
    ...params,
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, current);
  return `$argon2id$v=19$m=${current.memory},t=${current.passes},p=${current.parallelism}$${b64(salt)}$${b64(hash)}`;
}

const phc = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = phc.exec(encoded);
  if (!match) return false;
  const [, m, t, p, salt, expected] = match as unknown as [string, string, string, string, string, string];
  const expectedBytes = Buffer.from(expected, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
  });
  return actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes);
}

/** A hash made with weaker parameters than today's; rehash it at the next successful login. */
export function needsRehash(encoded: string): boolean {
  const match = phc.exec(encoded);
  if (!match) return true;
  return (
    Number(match[1]) < current.memory ||
    Number(match[2]) < current.passes ||
    Number(match[3]) < current.parallelism
  );
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
