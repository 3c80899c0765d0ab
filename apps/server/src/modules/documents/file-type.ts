/**
 * What a scan is, judged only by its first bytes: names and declared Content-Types are chosen by the
 * client and prove nothing. JPEG, PNG and PDF are what the officers' workstations open safely.
 */
export type ScanContentType = 'image/jpeg' | 'image/png' | 'application/pdf';

const signatures: readonly { readonly type: ScanContentType; readonly magic: readonly number[] }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // "%PDF-"
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** Bytes to have in hand (or the whole file, if shorter) before calling detectFileType. */
export const SNIFF_BYTES = Math.max(...signatures.map((s) => s.magic.length));

export const scanContentTypes: readonly ScanContentType[] = signatures.map((s) => s.type);

/** The type whose signature the bytes start with; null for anything else, an empty file included. */
export function detectFileType(head: Uint8Array): ScanContentType | null {
  const match = signatures.find(
    ({ magic }) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte),
  );
  return match?.type ?? null;
}

export function isScanContentType(value: string): value is ScanContentType {
  return (scanContentTypes as readonly string[]).includes(value);
}
