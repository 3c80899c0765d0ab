import { Readable } from 'node:stream';
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MalformedFileError, sniffAndStripMetadata, stripMetadata } from './strip-metadata.ts';
import type { ScanContentType } from './file-type.ts';

/** A file as parts, each kept or expected to be dropped: the expected output is the kept parts. */
type Part = { bytes: Buffer; kept: boolean };
const keep = (bytes: Buffer): Part => ({ bytes, kept: true });
const drop = (bytes: Buffer): Part => ({ bytes, kept: false });
const whole = (parts: Part[]) => Buffer.concat(parts.map((p) => p.bytes));
const kept = (parts: Part[]) => Buffer.concat(parts.filter((p) => p.kept).map((p) => p.bytes));
const latin1 = (value: string) => Buffer.from(value, 'latin1');

function segment(marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, payload]);
}

/** Exif in big-endian TIFF: IFD0 holds a description and the GPS IFD pointer; the GPS IFD a latitude. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(106);
  tiff.write('MM\0*', 0, 'latin1');
  tiff.writeUInt32BE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    tiff.writeUInt32BE(value, at + 8);
  };
  tiff.writeUInt16BE(2, 8);
  entry(10, 0x010e, 2, 13, 38); // ImageDescription, ASCII at 38
  entry(22, 0x8825, 4, 1, 52); // GPSInfo IFD at 52
  tiff.write('GPS position\0', 38, 'latin1');
  tiff.writeUInt16BE(2, 52);
  entry(54, 0x0001, 2, 2, 0); // GPSLatitudeRef
  tiff.write('S\0', 62, 'latin1');
  entry(66, 0x0002, 5, 3, 82); // GPSLatitude, three rationals at 82
  [6, 1, 15, 1, 4140, 100].forEach((n, i) => tiff.writeUInt32BE(n, 82 + i * 4));
  return Buffer.concat([latin1('Exif\0\0'), tiff]);
}

function jpegParts(): Part[] {
  return [
    keep(Buffer.from([0xff, 0xd8])),
    keep(segment(0xe0, latin1('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'))),
    drop(segment(0xe1, exifWithGps())),
    drop(segment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Jalan Merdeka 1</x:xmpmeta>'))),
    keep(segment(0xe2, latin1('ICC_PROFILE\0\x01\x01profile-bytes'))),
    drop(segment(0xed, latin1('Photoshop 3.0\x008BIM\x04\x04IPTC caption'))),
    drop(segment(0xfe, latin1('taken at home, Bekasi'))),
    keep(segment(0xee, latin1('Adobe\0\x64\0\0\0\0\x01'))),
    keep(segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]))),
    keep(segment(0xc4, Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 0), Buffer.from([0])]))),
    keep(segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]))),
    keep(segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]))),
    // Compressed data with a stuffed FF 00 and a restart marker: passed on untouched.
    keep(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78, 0x9a, 0xff, 0xd9])),
  ];
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A real 1×1 red RGB PNG, with metadata chunks in between. */
function pngParts(): Part[] {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return [
    keep(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    keep(pngChunk('IHDR', header)),
    keep(pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]))),
    drop(pngChunk('tEXt', latin1('Comment\0GPS -6.2615 106.8106'))),
    drop(pngChunk('eXIf', exifWithGps().subarray(6))),
    drop(pngChunk('iTXt', latin1('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>'))),
    drop(pngChunk('zTXt', Buffer.concat([latin1('Author\0\0'), deflateSync('Budi Santoso')]))),
    drop(pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 25, 9, 30, 0]))),
    keep(pngChunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]))),
    keep(pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0])))),
    keep(pngChunk('IEND', Buffer.alloc(0))),
  ];
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Feeds the file in pieces of `size` bytes: headers then straddle chunk boundaries. */
function inPieces(file: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < file.length; at += size) pieces.push(file.subarray(at, at + size));
  return Readable.from(pieces);
}

const strip = (type: ScanContentType, file: Buffer, size = file.length) =>
  collect(inPieces(file, size).pipe(stripMetadata(type)));

const GONE = ['Exif', 'GPS', 'xmpmeta', 'Photoshop', 'IPTC', 'Bekasi', 'Budi', 'tEXt', 'tIME'];

describe('stripping a JPEG', () => {
  it('when it carries Exif with a GPS IFD, XMP, IPTC and a comment, then only those segments go', async () => {
    const parts = jpegParts();
    const out = await strip('image/jpeg', whole(parts));
    expect(out.equals(kept(parts))).toBe(true);
    for (const word of GONE) expect(out.includes(word)).toBe(false);
    expect(out.includes(Buffer.from([0xff, 0xe1]))).toBe(false);
  });

  it.each([1, 2, 3, 5, 7, 64])(
    'when it arrives %i byte(s) at a time, then the output is the same',
    async (size) => {
      const parts = jpegParts();
      expect((await strip('image/jpeg', whole(parts), size)).equals(kept(parts))).toBe(true);
    },
  );

  it('when fill bytes precede a marker, then they are dropped with no effect on the rest', async () => {
    const parts = jpegParts();
    const padded = Buffer.concat([
      whole(parts.slice(0, 2)),
      Buffer.from([0xff, 0xff]),
      whole(parts.slice(2)),
    ]);
    expect((await strip('image/jpeg', padded, 1)).equals(kept(parts))).toBe(true);
  });

  it.each([
    ['a segment does not start with a marker', Buffer.from([0xff, 0xd8, 0x12, 0x34, 0x56])],
    ['it ends inside the Exif segment', whole(jpegParts()).subarray(0, 60)],
    ['it ends before any image data', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['a segment length is below 2', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01])],
  ])('when %s, then it is refused as malformed', async (_case, file) => {
    await expect(strip('image/jpeg', file)).rejects.toBeInstanceOf(MalformedFileError);
  });
});

describe('stripping a PNG', () => {
  it('when it has tEXt, eXIf, iTXt, zTXt and tIME chunks, then only those go', async () => {
    const parts = pngParts();
    const out = await strip('image/png', whole(parts));
    expect(out.equals(kept(parts))).toBe(true);
    for (const word of GONE) expect(out.includes(word)).toBe(false);
  });

  it.each([1, 3, 8, 13])(
    'when it arrives %i byte(s) at a time, then the output is the same',
    async (size) => {
      const parts = pngParts();
      expect((await strip('image/png', whole(parts), size)).equals(kept(parts))).toBe(true);
    },
  );

  it('when bytes follow IEND, then they are dropped', async () => {
    const parts = pngParts();
    const out = await strip('image/png', Buffer.concat([whole(parts), latin1('PK\x03\x04 hidden payload')]));
    expect(out.equals(kept(parts))).toBe(true);
  });

  it.each([
    ['it ends before IEND', whole(pngParts().slice(0, 4))],
    [
      'a chunk type is not letters',
      Buffer.concat([whole(pngParts().slice(0, 2)), Buffer.from([0, 0, 0, 0, 1, 2, 3, 4])]),
    ],
  ])('when %s, then it is refused as malformed', async (_case, file) => {
    await expect(strip('image/png', file)).rejects.toBeInstanceOf(MalformedFileError);
  });
});

describe('a PDF', () => {
  it('when it passes, then it is unchanged', async () => {
    const pdf = latin1('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    expect((await strip('application/pdf', pdf, 3)).equals(pdf)).toBe(true);
  });
});

describe('sniffing, then stripping', () => {
  it('when the file arrives a byte at a time, then the type is chosen from its first 8 bytes', async () => {
    const parts = pngParts();
    const heads: Buffer[] = [];
    const stream = inPieces(whole(parts), 1).pipe(
      sniffAndStripMetadata((head) => {
        heads.push(head);
        return 'image/png';
      }),
    );
    expect((await collect(stream)).equals(kept(parts))).toBe(true);
    expect(heads.map((h) => h.length)).toEqual([8]);
  });

  it('when the file is shorter than 8 bytes, then the type is chosen at its end', async () => {
    const heads: Buffer[] = [];
    const stream = Readable.from([latin1('%PDF-')]).pipe(
      sniffAndStripMetadata((head) => {
        heads.push(head);
        return 'application/pdf';
      }),
    );
    expect((await collect(stream)).toString('latin1')).toBe('%PDF-');
    expect(heads.map((h) => h.toString('latin1'))).toEqual(['%PDF-']);
  });

  it('when the chooser refuses the file, then the stream fails with its error', async () => {
    const refused = new Error('not supported');
    const stream = Readable.from([latin1('#!/bin/sh\n')]).pipe(
      sniffAndStripMetadata(() => {
        throw refused;
      }),
    );
    await expect(collect(stream)).rejects.toBe(refused);
  });
});

describe('reading the image size on the way', () => {
  it('when a JPEG or PNG arrives in 1-, 3- and whole-file pieces, then its declared width and height are seen', async () => {
    const frame = Buffer.from([8, 0x02, 0x80, 0x01, 0xe0, 1, 1, 0x11, 0]); // 640 high, 480 wide
    const jpeg = whole(jpegParts().map((p) => (p.bytes[1] === 0xc0 ? keep(segment(0xc0, frame)) : p)));
    const png = whole(pngParts());
    for (const [type, file, expected] of [
      ['image/jpeg', jpeg, { width: 480, height: 640 }],
      ['image/png', png, { width: 1, height: 1 }],
    ] as const) {
      for (const size of [1, 3, file.length]) {
        const seen = { dimensions: null as { width: number; height: number } | null };
        await collect(inPieces(file, size).pipe(sniffAndStripMetadata(() => type, seen)));
        expect(seen.dimensions).toEqual(expected);
      }
    }
  });

  it('when the file is a PDF, then no size is claimed', async () => {
    const seen = { dimensions: null as { width: number; height: number } | null };
    await collect(
      inPieces(latin1('%PDF-1.4\n%%EOF\n'), 4).pipe(sniffAndStripMetadata(() => 'application/pdf', seen)),
    );
    expect(seen.dimensions).toBeNull();
  });
});

describe('files that must not be stored (issue 18)', () => {
  it('when a PNG declares 100,000 × 100,000 pixels (a decompression bomb), then the stream fails before its image data', async () => {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(100_000, 0);
    header.writeUInt32BE(100_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    await expect(strip('image/png', bomb, 5)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('when a PDF names JavaScript or a launch action, even across chunk boundaries, then it is refused; a plain one passes', async () => {
    const active = latin1(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n',
    );
    for (const size of [1, 7, active.length]) {
      await expect(strip('application/pdf', active, size)).rejects.toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
    const plain = latin1('%PDF-1.4\n1 0 obj<</Type/Catalog/JSONish 1>>endobj\n%%EOF\n');
    expect((await strip('application/pdf', plain, 3)).equals(plain)).toBe(true);
  });

  it('when image data inside a stream happens to spell /JS, then the scan passes; a name after endstream is still refused', async () => {
    const scan = latin1(
      '%PDF-1.4\n1 0 obj<</Length 24/Filter/DCTDecode>>stream\r\n\xff\xd8/JS /Launch\x00/JavaScript\nendstream\nendobj\n%%EOF\n',
    );
    const after = latin1(
      '%PDF-1.4\n1 0 obj<</Length 3>>stream\n\x01\x02\x03\nendstream\nendobj\n2 0 obj<</S/Launch/F(x.exe)>>endobj\n%%EOF\n',
    );
    for (const size of [1, 5, scan.length]) {
      expect((await strip('application/pdf', scan, size)).equals(scan)).toBe(true);
      await expect(strip('application/pdf', after, size)).rejects.toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
  });
});
