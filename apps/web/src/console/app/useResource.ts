import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the data with an answer the page already has (an action's result). */
  setData(data: T): void;
}

/** Loads whenever `key` changes (or on reload); an answer for an older key is dropped. */
export function useResource<T>(key: string, load: () => Promise<T | null>): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // The latest closure, so callers may pass an inline function without refetching on every render.
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const loadedKey = useRef(key);

  useEffect(() => {
    let current = true;
    // A reload keeps the page on screen; another key (another application) must not show the old one.
    const sameKey = loadedKey.current === key;
    loadedKey.current = key;
    setState((s) => ({ data: sameKey ? s.data : null, loading: true, error: null }));
    loadRef.current().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  return {
    ...state,
    reload: useCallback(() => setGeneration((g) => g + 1), []),
    setData: useCallback((data: T) => setState({ data, error: null, loading: false }), []),
  };
}
