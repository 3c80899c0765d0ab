/**
 * Phone photos just work (issue 17): a camera JPEG of 4–10 MB is resized and re-encoded on the phone
 * to fit the 5 MB limit, with the text of a KTP or a birth certificate still legible — the long side
 * never below 1600 px (a 300 dpi A5 scan), the JPEG quality never below 0.6. PDFs and images already
 * small enough are sent as they are.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Room for the multipart framing and rounding: aim below the limit. */
export const TARGET_BYTES = Math.floor(MAX_UPLOAD_BYTES * 0.9);
export const MIN_LONG_SIDE = 1600;
export const MAX_LONG_SIDE = 2400;
export const QUALITIES = [0.85, 0.75, 0.65, 0.6] as const;

export interface Attempt {
  readonly longSide: number;
  readonly quality: number;
}

/**
 * The encodings to try, best first: the largest long side (at most 2400 px, never upscaled) at falling
 * quality, then smaller sides down to 1600 px. The caller keeps the first that fits.
 */
export function attemptsFor(width: number, height: number): Attempt[] {
  const original = Math.max(width, height);
  const sides = [MAX_LONG_SIDE, 2000, MIN_LONG_SIDE]
    .map((side) => Math.min(side, original))
    .filter((side, index, all) => all.indexOf(side) === index);
  return sides.flatMap((longSide) => QUALITIES.map((quality) => ({ longSide, quality })));
}

/** Whether a file goes as it is: a PDF, or an image already under the target. */
export function sendsAsIs(file: { type: string; size: number }): boolean {
  return !file.type.startsWith('image/') || file.size <= TARGET_BYTES;
}

/** The file to upload: re-encoded as JPEG when it is a large image, else the file itself. */
export async function fitForUpload(file: File): Promise<File> {
  if (sendsAsIs(file)) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    for (const attempt of attemptsFor(bitmap.width, bitmap.height)) {
      const blob = await encode(bitmap, attempt);
      if (blob.size <= TARGET_BYTES) {
        const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
        return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
      }
    }
  } finally {
    bitmap.close();
  }
  // Nothing legible fits: the server's refusal names the limit.
  return file;
}

function encode(bitmap: ImageBitmap, attempt: Attempt): Promise<Blob> {
  const scale = attempt.longSide / Math.max(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2D canvas'));
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('no JPEG'))),
      'image/jpeg',
      attempt.quality,
    ),
  );
}
