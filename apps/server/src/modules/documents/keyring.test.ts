import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decryptStream, encryptStream, parseKeyring, type Keyring } from './keyring.ts';

const key = () => randomBytes(32).toString('base64');
const oldKey = key();
const newKey = key();
const before = parseKeyring(`2025:${oldKey}`);
const after = parseKeyring(`2026:${newKey},2025:${oldKey}`);

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function inPieces(bytes: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces);
}

const encrypt = (keyring: Keyring, plain: Buffer, size = 4096) =>
  collect(inPieces(plain, size).pipe(encryptStream(keyring)));
const decrypt = (keyring: Keyring, sealed: Buffer, size = 4096) =>
  collect(inPieces(sealed, size).pipe(decryptStream(keyring)));

describe('parseKeyring', () => {
  it('when several keys are listed, then the first encrypts and all of them decrypt', () => {
    expect(after.current.id).toBe('2026');
    expect(after.current.key.equals(Buffer.from(newKey, 'base64'))).toBe(true);
    expect(after.find('2025')?.equals(Buffer.from(oldKey, 'base64'))).toBe(true);
    expect(after.find('2024')).toBeUndefined();
  });

  it('when a key is URL-safe base64 without padding (a generated secret), then it is accepted', () => {
    const raw = randomBytes(32);
    expect(parseKeyring(`local:${raw.toString('base64url')}`).current.key.equals(raw)).toBe(true);
  });

  it.each([
    ['', /entry 1 is not of the form id:base64key/],
    ['nocolon', /entry 1 is not of the form id:base64key/],
    [`a:${key()},,b:${key()}`, /entry 2 is not of the form/],
    [`:${key()}`, /entry 1 has an invalid key id/],
    [`bad id:${key()}`, /entry 1 has an invalid key id/],
    ['k1:not base64!', /key "k1" is not valid base64/],
    [`k1:${randomBytes(16).toString('base64')}`, /key "k1" is 16 bytes; it must be exactly 32/],
    [`k1:${randomBytes(33).toString('base64')}`, /key "k1" is 33 bytes/],
    [`k1:${key()},k1:${key()}`, /key id "k1" appears twice/],
  ])('when the setting is %j, then it is refused with a clear message', (setting, message) => {
    expect(() => parseKeyring(setting)).toThrow(message);
  });

  it('when a key is refused, then the message does not repeat it', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseKeyring(`k1:${short}`)).toThrow(/BLOB_ENCRYPTION_KEYS/);
    try {
      parseKeyring(`k1:${short}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });
});

describe('encryption at rest', () => {
  const plain = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200_000)]);

  it('when a file is encrypted and decrypted, then the bytes come back, whatever the chunking', async () => {
    const sealed = await encrypt(after, plain, 7_000);
    expect((await decrypt(after, sealed)).equals(plain)).toBe(true);
    expect((await decrypt(after, sealed, 1_000)).equals(plain)).toBe(true);
  });

  it('when a small file arrives a byte at a time, then it round-trips too', async () => {
    const small = Buffer.from('%PDF-1.4 tiny');
    expect((await decrypt(after, await encrypt(after, small, 1), 1)).equals(small)).toBe(true);
  });

  it('when an empty file is encrypted, then it round-trips', async () => {
    expect((await decrypt(after, await encrypt(after, Buffer.alloc(0)))).length).toBe(0);
  });

  it('when a file is encrypted, then the object starts with MPB1 and the key id, and holds no plaintext', async () => {
    const sealed = await encrypt(after, plain);
    expect(sealed.subarray(0, 9).toString('latin1')).toBe('MPB1\x042026');
    expect(sealed.length).toBe(4 + 1 + 4 + 12 + plain.length + 16);
    expect(sealed.includes(plain.subarray(0, 16))).toBe(false);
    expect(sealed.includes(plain.subarray(100_000, 100_016))).toBe(false);
  });

  it('when the same file is encrypted twice, then the two objects differ (fresh IV)', async () => {
    const [one, two] = await Promise.all([encrypt(after, plain), encrypt(after, plain)]);
    expect(one.subarray(9, 21).equals(two.subarray(9, 21))).toBe(false);
    expect(one.subarray(21).equals(two.subarray(21))).toBe(false);
  });
});

describe('tampering and rotation', () => {
  const plain = randomBytes(50_000);

  it.each([
    ['a ciphertext byte is flipped', (b: Buffer) => flip(b, 30_000)],
    ['the tag is altered', (b: Buffer) => flip(b, b.length - 1)],
    ['the IV is altered', (b: Buffer) => flip(b, 12)],
    ['the object is cut short', (b: Buffer) => b.subarray(0, b.length - 100)],
    ['the object lost its tag', (b: Buffer) => b.subarray(0, b.length - 16)],
    ['only the header is left', (b: Buffer) => b.subarray(0, 21)],
    ['the header is not MPB1', (b: Buffer) => flip(b, 0)],
  ])('when %s, then decryption fails loudly', async (_case, tamper) => {
    const sealed = tamper(Buffer.from(await encrypt(after, plain)));
    await expect(decrypt(after, sealed)).rejects.toThrow(/cannot be trusted/);
  });

  it('when the header is changed to name another valid key, then decryption fails', async () => {
    const twin = parseKeyring(`2026:${newKey},2027:${newKey}`);
    const sealed = Buffer.from(await encrypt(twin, plain));
    sealed.write('2027', 5, 'latin1');
    await expect(decrypt(twin, sealed)).rejects.toThrow(/authentication tag/);
  });

  it('when the key was rotated, then files written with the old key still decrypt', async () => {
    const sealed = await encrypt(before, plain);
    expect(sealed.subarray(5, 9).toString('latin1')).toBe('2025');
    expect((await decrypt(after, sealed)).equals(plain)).toBe(true);
    expect((await encrypt(after, plain)).subarray(5, 9).toString('latin1')).toBe('2026');
  });

  it('when the old key was removed from the list, then its files no longer decrypt, naming the key', async () => {
    const sealed = await encrypt(before, plain);
    await expect(decrypt(parseKeyring(`2026:${newKey}`), sealed)).rejects.toThrow(/key "2025"/);
  });

  it('when the ciphertext is still arriving, then plaintext already flows (nothing is held whole)', async () => {
    const big = randomBytes(1_000_000);
    const sealed = await encrypt(after, big);
    const decryptor = decryptStream(after);
    let received = 0;
    decryptor.on('data', (chunk: Buffer) => (received += chunk.length));
    decryptor.write(sealed.subarray(0, 600_000));
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toBeGreaterThan(500_000);
    decryptor.destroy();
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes;
}
