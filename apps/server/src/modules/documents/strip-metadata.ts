import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '../../platform/errors.ts';
import { SNIFF_BYTES, type ScanContentType } from './file-type.ts';

/**
 * Removes metadata from images as they stream past: a phone photo of a KTP carries the GPS position
 * of the applicant's home, the camera's serial number and often a thumbnail of the original picture.
 * The parsers read only the container structure (JPEG segments, PNG chunks), keep a few bytes across
 * stream chunks at most, and refuse a file whose structure they cannot follow: metadata that could
 * not be found cannot be removed.
 */

/** An incremental filter: bytes in, bytes out, in order; `end` throws when the file was cut short. */
export interface ByteFilter {
  write(chunk: Buffer): Buffer[];
  end(): Buffer[];
  /** The image's size as its header declares it (JPEG frame, PNG IHDR); null for a PDF or before. */
  dimensions(): ImageDimensions | null;
}

export interface ImageDimensions {
  readonly width: number;
  readonly height: number;
}

/**
 * A decompression bomb declares more pixels than any camera or scanner makes (issue 18: a PNG of
 * 100,000 × 100,000 was stored): a 200-megapixel phone sensor is 16,320 × 12,240.
 */
export const MAX_IMAGE_PIXELS = 250_000_000;
export const MAX_IMAGE_SIDE = 30_000;

function checkedSize(size: ImageDimensions): ImageDimensions {
  const { width, height } = size;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new DomainError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: {
        id: `Gambar ini menyatakan ${width} × ${height} piksel: terlalu besar untuk foto atau pindaian dokumen.`,
        en: `This image declares ${width} × ${height} pixels: too large for a photo or a document scan.`,
      },
    });
  }
  return size;
}

export class MalformedFileError extends Error {
  readonly format: 'JPEG' | 'PNG';

  constructor(format: 'JPEG' | 'PNG', reason: string) {
    super(`Not a well-formed ${format}: ${reason}`);
    this.name = 'MalformedFileError';
    this.format = format;
  }
}

/** Advances through `buf` from `pos`, appending output; null when it needs more bytes than there are. */
type Step = (buf: Buffer, pos: number, out: Buffer[]) => number | null;

/** Runs a step function over the stream, carrying an incomplete header over to the next chunk. */
function incremental(
  step: Step,
  finish: () => void,
  dimensions: () => ImageDimensions | null = () => null,
): ByteFilter {
  let pending: Buffer = Buffer.alloc(0);
  return {
    write(chunk) {
      const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const out: Buffer[] = [];
      let pos = 0;
      while (pos < buf.length) {
        const next = step(buf, pos, out);
        if (next === null) break;
        pos = next;
      }
      pending = Buffer.from(buf.subarray(pos));
      return out;
    },
    end() {
      finish();
      return [];
    },
    dimensions,
  };
}

/** APP1 (Exif with GPS and thumbnail, XMP), APP13 (IPTC, Photoshop) and comments. */
const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe]);
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const isStandalone = (code: number) => code === 0x01 || (code >= 0xd0 && code <= 0xd7);
/** Start-of-frame markers (C0–CF but DHT C4, JPG C8, DAC CC): precision(1) height(2) width(2). */
const isFrame = (code: number) =>
  code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc;

/**
 * JPEG: segments up to the first SOS, each `FF code length(2) payload`. Dropped segments are skipped
 * byte by byte, kept ones copied; from SOS on, everything is compressed image data and passes as is.
 */
export function jpegMetadataFilter(): ByteFilter {
  let state: 'start' | 'marker' | 'segment' | 'image' = 'start';
  let remaining = 0;
  let keep = true;
  let afterSegment: 'marker' | 'image' = 'marker';
  let size: ImageDimensions | null = null;
  const fail = (reason: string) => new MalformedFileError('JPEG', reason);

  const marker: Step = (buf, pos, out) => {
    if (buf[pos] !== 0xff) throw fail('a segment does not start with a marker');
    if (buf.length - pos < 2) return null;
    const code = buf[pos + 1] ?? 0;
    // Fill bytes (FF FF … code) are allowed before a marker; they carry nothing and are dropped.
    if (code === 0xff) return pos + 1;
    if (code === EOI) throw fail('it ends before its image data');
    if (code === 0x00 || code === SOI) throw fail(`unexpected marker FF${code.toString(16)}`);
    if (isStandalone(code)) {
      out.push(buf.subarray(pos, pos + 2));
      return pos + 2;
    }
    if (buf.length - pos < 4) return null;
    const length = buf.readUInt16BE(pos + 2);
    if (length < 2) throw fail('a segment length is too small');
    if (isFrame(code) && !size) {
      if (length < 7) throw fail('a frame header is too short');
      if (buf.length - pos < 9) return null;
      size = checkedSize({ height: buf.readUInt16BE(pos + 5), width: buf.readUInt16BE(pos + 7) });
    }
    keep = !JPEG_DROPPED.has(code);
    if (keep) out.push(buf.subarray(pos, pos + 4));
    remaining = length - 2;
    afterSegment = code === SOS ? 'image' : 'marker';
    state = remaining > 0 ? 'segment' : afterSegment;
    return pos + 4;
  };

  const step: Step = (buf, pos, out) => {
    switch (state) {
      case 'start':
        if (buf.length - pos < 2) return null;
        if (buf[pos] !== 0xff || buf[pos + 1] !== SOI) throw fail('it does not start with SOI');
        out.push(buf.subarray(pos, pos + 2));
        state = 'marker';
        return pos + 2;
      case 'marker':
        return marker(buf, pos, out);
      case 'segment': {
        const n = Math.min(remaining, buf.length - pos);
        if (keep) out.push(buf.subarray(pos, pos + n));
        remaining -= n;
        if (remaining === 0) state = afterSegment;
        return pos + n;
      }
      case 'image':
        out.push(buf.subarray(pos));
        return buf.length;
    }
  };

  return incremental(
    step,
    () => {
      if (state !== 'image') throw fail('it ends before its image data');
    },
    () => size,
  );
}

/** Text, EXIF and time chunks: where cameras and editors put places, names, software and dates. */
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_CHUNK_TYPE = /^[A-Za-z]{4}$/;
const PNG_MAX_LENGTH = 0x7fffffff;

/**
 * PNG: the signature, then chunks `length(4) type(4) data crc(4)` up to IEND. Bytes after IEND are
 * dropped: no decoder reads them, and they are where files hide a second payload.
 */
export function pngMetadataFilter(): ByteFilter {
  let state: 'signature' | 'chunk' | 'data' | 'trailer' = 'signature';
  let remaining = 0;
  let keep = true;
  let afterData: 'chunk' | 'trailer' = 'chunk';
  let size: ImageDimensions | null = null;
  const fail = (reason: string) => new MalformedFileError('PNG', reason);

  const chunkHeader: Step = (buf, pos, out) => {
    if (buf.length - pos < 8) return null;
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (length > PNG_MAX_LENGTH || !PNG_CHUNK_TYPE.test(type)) throw fail('a chunk header is invalid');
    if (type === 'IHDR' && !size) {
      if (length < 8) throw fail('the IHDR chunk is too short');
      if (buf.length - pos < 16) return null;
      size = checkedSize({ width: buf.readUInt32BE(pos + 8), height: buf.readUInt32BE(pos + 12) });
    }
    keep = !PNG_DROPPED.has(type);
    if (keep) out.push(buf.subarray(pos, pos + 8));
    remaining = length + 4;
    afterData = type === 'IEND' ? 'trailer' : 'chunk';
    state = 'data';
    return pos + 8;
  };

  const step: Step = (buf, pos, out) => {
    switch (state) {
      case 'signature':
        if (buf.length - pos < PNG_SIGNATURE.length) return null;
        if (!buf.subarray(pos, pos + 8).equals(PNG_SIGNATURE)) throw fail('the signature is wrong');
        out.push(buf.subarray(pos, pos + 8));
        state = 'chunk';
        return pos + 8;
      case 'chunk':
        return chunkHeader(buf, pos, out);
      case 'data': {
        const n = Math.min(remaining, buf.length - pos);
        if (keep) out.push(buf.subarray(pos, pos + n));
        remaining -= n;
        if (remaining === 0) state = afterData;
        return pos + n;
      }
      case 'trailer':
        return buf.length;
    }
  };

  return incremental(
    step,
    () => {
      if (state !== 'trailer') throw fail('it ends before its IEND chunk');
    },
    () => size,
  );
}

/**
 * PDF metadata lives inside compressed objects; it passes unchanged (README.md, limits). A PDF that
 * names JavaScript or a launch action in its plain object syntax is refused (issue 18): a scan never
 * needs a script. Stream data (between `stream` and `endstream`) is skipped: a scan's compressed
 * image bytes spell `/JS` by chance about once in 20 million bytes, which would refuse one honest
 * 5 MB scan in four. Names inside compressed object streams are not seen (README.md, limits).
 */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch)(?![A-Za-z0-9])/;
/** The keyword that opens stream data: not the tail of `endstream`, followed by its end of line. */
const STREAM_OPENS = /(?<![A-Za-z])stream(?:\r\n|\n|\r)/;
const STREAM_CLOSES = 'endstream';
/** Longer than the longest name matched plus its delimiter, so a name across two chunks is found. */
const PDF_CARRY = 16;

export function pdfFilter(): ByteFilter {
  let tail = '';
  let inStream = false;
  const check = (syntax: string) => {
    if (PDF_ACTIVE.test(syntax)) {
      throw new DomainError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: {
          id: 'PDF ini berisi JavaScript atau tindakan otomatis. Unggah hasil pindaian biasa.',
          en: 'This PDF contains JavaScript or an automatic action. Upload a plain scan.',
        },
      });
    }
  };
  return {
    write(chunk) {
      let text = tail + chunk.toString('latin1');
      for (;;) {
        if (inStream) {
          const closes = text.indexOf(STREAM_CLOSES);
          if (closes < 0) {
            tail = text.slice(-STREAM_CLOSES.length);
            break;
          }
          text = text.slice(closes + STREAM_CLOSES.length);
          inStream = false;
        } else {
          const opens = STREAM_OPENS.exec(text);
          check(opens ? text.slice(0, opens.index) : text);
          if (!opens) {
            tail = text.slice(-PDF_CARRY);
            break;
          }
          text = text.slice(opens.index + opens[0].length);
          inStream = true;
        }
      }
      return [chunk];
    },
    end: () => [],
    dimensions: () => null,
  };
}

export function metadataFilter(type: ScanContentType): ByteFilter {
  if (type === 'image/jpeg') return jpegMetadataFilter();
  if (type === 'image/png') return pngMetadataFilter();
  return pdfFilter();
}

/** A stream that strips metadata from a file of a known type. */
export function stripMetadata(type: ScanContentType): Transform {
  const filter = metadataFilter(type);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      emit(this, callback, () => filter.write(chunk));
    },
    flush(callback) {
      emit(this, callback, () => filter.end());
    },
  });
}

/**
 * A stream that first collects the opening bytes, lets `choose` name the type (or throw to refuse
 * the file), then strips metadata accordingly.
 */
export function sniffAndStripMetadata(
  choose: (head: Buffer) => ScanContentType,
  seen: { dimensions: ImageDimensions | null } = { dimensions: null },
): Transform {
  let head: Buffer[] = [];
  let headLength = 0;
  let filter: ByteFilter | null = null;
  const begin = (): [ByteFilter, Buffer[]] => {
    const bytes = Buffer.concat(head);
    head = [];
    const chosen = metadataFilter(choose(bytes));
    filter = chosen;
    return [chosen, chosen.write(bytes)];
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      emit(this, callback, () => {
        if (filter) return filter.write(chunk);
        head.push(chunk);
        headLength += chunk.length;
        return headLength >= SNIFF_BYTES ? begin()[1] : [];
      });
    },
    flush(callback) {
      emit(this, callback, () => {
        const [chosen, out] = filter ? [filter, []] : begin();
        const rest = [...out, ...chosen.end()];
        seen.dimensions = chosen.dimensions();
        return rest;
      });
    },
  });
}

function emit(stream: Transform, callback: TransformCallback, work: () => Buffer[]): void {
  try {
    for (const bytes of work()) if (bytes.length > 0) stream.push(bytes);
    callback();
  } catch (error) {
    callback(error as Error);
  }
}
