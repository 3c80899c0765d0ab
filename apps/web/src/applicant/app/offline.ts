import { useEffect, useState } from 'react';

/** The service worker's cache of API answers (sw.js keeps the names in step). */
const API_CACHE = 'mpaspor-api';

/** Personal data must not outlive the session on a shared phone. */
export async function clearOfflineCache(): Promise<void> {
  if ('caches' in window) await caches.delete(API_CACHE);
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
