import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * Encryption at rest of scans: AES-256-GCM, one fresh 12-byte IV per object. An object is
 *
 *   "MPB1" | key id length (1 byte) | key id (ASCII) | IV (12) | ciphertext | tag (16)
 *
 * The header is authenticated too (GCM additional data), so the key id cannot be swapped unnoticed.
 * Keys rotate by putting a new key first in BLOB_ENCRYPTION_KEYS: new objects use it, old objects
 * still name theirs and decrypt as long as it stays in the list.
 */
export interface Keyring {
  /** The key new objects are encrypted with: the first of the list. */
  readonly current: { readonly id: string; readonly key: Buffer };
  /** Any key of the list, for decryption. */
  find(id: string): Buffer | undefined;
}

const MAGIC = Buffer.from('MPB1', 'latin1');
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Standard or URL-safe alphabet, padding optional: what `openssl rand -base64 32` and our secrets give. */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const SETTING = 'BLOB_ENCRYPTION_KEYS';

/** Parses `id:base64key[,id:base64key…]`. Messages name the key id, never the key. */
export function parseKeyring(text: string): Keyring {
  const entries = text.split(',').map((entry, index) => parseEntry(entry.trim(), index));
  const keys = new Map<string, Buffer>();
  for (const { id, key } of entries) {
    if (keys.has(id)) throw new Error(`${SETTING}: key id "${id}" appears twice; each id must be unique`);
    keys.set(id, key);
  }
  const [current] = entries;
  if (!current) throw new Error(`${SETTING}: no key given`);
  return { current, find: (id) => keys.get(id) };
}

function parseEntry(entry: string, index: number): { id: string; key: Buffer } {
  const position = `entry ${index + 1}`;
  const colon = entry.indexOf(':');
  if (colon < 0) throw new Error(`${SETTING}: ${position} is not of the form id:base64key`);
  const id = entry.slice(0, colon);
  const encoded = entry.slice(colon + 1);
  if (!KEY_ID.test(id)) {
    throw new Error(`${SETTING}: ${position} has an invalid key id (1 to 64 of A-Z a-z 0-9 _ -)`);
  }
  if (!BASE64.test(encoded)) throw new Error(`${SETTING}: key "${id}" is not valid base64`);
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${SETTING}: key "${id}" is ${key.length} bytes; it must be exactly ${KEY_BYTES} (openssl rand -base64 32)`,
    );
  }
  return { id, key };
}

/** Encrypts a stream with the current key: the header first, the tag after the last byte. */
export function encryptStream(keyring: Keyring): Transform {
  const { id, key } = keyring.current;
  const header = headerFor(id, randomBytes(IV_BYTES));
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(-IV_BYTES));
  cipher.setAAD(header);
  let started = false;
  const start = (stream: Transform) => {
    if (!started) stream.push(header);
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      start(this);
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      start(this);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/**
 * Decrypts as the bytes arrive, holding back only the last 16 (they may be the tag). Plaintext flows
 * before the tag is checked, so a consumer must treat an error at the end as "discard it all": the
 * stream is destroyed with an error when the object was altered, truncated or names an unknown key.
 */
export function decryptStream(keyring: Keyring): Transform {
  let head: Buffer = Buffer.alloc(0);
  let decipher: DecipherGCM | null = null;
  let tail: Buffer = Buffer.alloc(0);

  function body(bytes: Buffer, active: DecipherGCM): Buffer {
    const all = tail.length > 0 ? Buffer.concat([tail, bytes]) : bytes;
    const cut = Math.max(0, all.length - TAG_BYTES);
    tail = Buffer.from(all.subarray(cut));
    return active.update(all.subarray(0, cut));
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        if (decipher) return callback(null, body(chunk, decipher));
        head = Buffer.concat([head, chunk]);
        const parsed = parseHeader(head, keyring);
        if (!parsed) return callback();
        decipher = parsed.decipher;
        callback(null, body(head.subarray(parsed.length), decipher));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      if (!decipher || tail.length < TAG_BYTES) return callback(integrityError('it is truncated'));
      try {
        decipher.setAuthTag(tail);
        callback(null, decipher.final());
      } catch (error) {
        callback(integrityError('its authentication tag does not match', error));
      }
    },
  });
}

function headerFor(keyId: string, iv: Buffer): Buffer {
  const id = Buffer.from(keyId, 'latin1');
  return Buffer.concat([MAGIC, Buffer.from([id.length]), id, iv]);
}

/** Null while the header is still incomplete. */
function parseHeader(head: Buffer, keyring: Keyring): { decipher: DecipherGCM; length: number } | null {
  if (head.length < MAGIC.length + 1) return null;
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw integrityError('it has no MPB1 header');
  const idLength = head[MAGIC.length] ?? 0;
  const length = MAGIC.length + 1 + idLength + IV_BYTES;
  if (head.length < length) return null;
  const keyId = head.toString('latin1', MAGIC.length + 1, MAGIC.length + 1 + idLength);
  const key = keyring.find(keyId);
  if (!key) throw new Error(`The blob was encrypted with key "${keyId}", which is not in ${SETTING}`);
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(length - IV_BYTES, length));
  decipher.setAAD(head.subarray(0, length));
  return { decipher, length };
}

function integrityError(reason: string, cause?: unknown): Error {
  return new Error(`The stored blob cannot be trusted: ${reason}`, { cause });
}
