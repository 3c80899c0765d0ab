import type { ScanContentType } from './file-type.ts';

const EXTENSIONS: Record<ScanContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/**
 * How a stored scan goes back to a browser: as a download of the type its magic bytes proved, never
 * rendered in our origin (a crafted PDF or image must not run as a page of ours), never cached.
 */
export function scanDownloadHeaders(scan: {
  readonly kind: string;
  readonly contentType: string;
}): Record<string, string> {
  const extension = EXTENSIONS[scan.contentType as ScanContentType] ?? 'bin';
  return {
    'content-type': scan.contentType,
    'content-disposition': `attachment; filename="${scan.kind.toLowerCase()}.${extension}"`,
    'cache-control': 'private, no-store',
  };
}
