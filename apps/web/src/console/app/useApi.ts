import { useMemo } from 'react';
import { useI18n } from '../i18n.ts';
import { apiFetch, apiJson, type RequestOptions } from '../api.ts';

type Method = NonNullable<RequestOptions['method']>;

/** The fetch client bound to the language the officer chose. */
export function useApi() {
  const { language, t } = useI18n();
  return useMemo(() => {
    const base = { language, networkError: t('console.error.network') };
    return {
      get: <T>(path: string) => apiJson<T>(path, base),
      send: <T>(method: Method, path: string, json?: unknown) => apiJson<T>(path, { ...base, method, json }),
      upload: <T>(path: string, blob: Blob) => apiJson<T>(path, { ...base, method: 'PUT', blob }),
      /** A file behind the bearer token, as a blob the page can show. */
      blob: async (path: string) => (await apiFetch(path, base)).blob(),
    };
  }, [language, t]);
}

export type Api = ReturnType<typeof useApi>;
