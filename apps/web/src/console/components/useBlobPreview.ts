import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../app/useApi.ts';

export interface BlobPreview {
  name: string;
  url: string;
  type: string;
}

/**
 * Files behind the bearer token cannot be plain links: fetch them, show them from a blob URL, and
 * revoke the URL when another file replaces it or the page closes (scans of identity papers).
 */
export function useBlobPreview(api: Api) {
  const [preview, setPreview] = useState<BlobPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const open = useCallback(
    async (name: string, path: string) => {
      setLoading(name);
      setError(null);
      try {
        const blob = await api.blob(path);
        setPreview({ name, url: URL.createObjectURL(blob), type: blob.type });
      } catch (failure) {
        setError(failure);
      } finally {
        setLoading(null);
      }
    },
    [api],
  );

  return { preview, error, loading, open, close: useCallback(() => setPreview(null), []) };
}
