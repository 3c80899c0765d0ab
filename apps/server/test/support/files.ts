/** Small real files for upload tests, built byte by byte. */
function segment(marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, payload]);
}

/**
 * A baseline JPEG whose APP1 Exif segment carries a GPS position; `size` pads the image data, `pixels`
 * is the size its frame header declares.
 */
export function jpegWithGps(size = 2_000, pixels = { width: 1, height: 1 }): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'),
    Buffer.from('GPSLatitude -6.2615 GPSLongitude 106.8106', 'latin1'),
  ]);
  const jfif = Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1');
  const quant = Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]);
  const frame = Buffer.from([8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  frame.writeUInt16BE(pixels.height, 1);
  frame.writeUInt16BE(pixels.width, 3);
  const scanHeader = Buffer.from([1, 1, 0, 0, 0x3f, 0]);
  const imageData = Buffer.alloc(Math.max(16, size), 0x5a);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xe1, exif),
    segment(0xdb, quant),
    segment(0xc0, frame),
    segment(0xda, scanHeader),
    imageData,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A biometric photo as the desk's camera takes it: an upright 3:4 portrait (photo-rules.ts). */
export function portraitJpeg(): Buffer {
  return jpegWithGps(400, { width: 480, height: 640 });
}

export function minimalPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
}

/** A PDF carrying `data` as one image stream, the way a scanner writes a page. */
export function pdfWithImage(data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.4\n1 0 obj<</Type/XObject/Subtype/Image/Length ${data.length}/Filter/DCTDecode>>stream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  ]);
}

export const shellScript = Buffer.from('#!/bin/sh\necho "not an image"\nrm -rf /\n', 'latin1');

/** Width and height a JPEG's first frame header (SOF0–SOF15 but DHT, JPG, DAC) declares. */
export function jpegPixels(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`no marker at ${at}`);
    const code = jpeg[at + 1]!;
    const frame = code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc;
    if (frame) return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no frame header');
}
