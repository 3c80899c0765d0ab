import { useEffect, useState } from 'react';

/**
 * Registers /sw.js and reports when a new version waits: the user decides when to reload, so a form
 * being filled in is never lost to an update.
 */
let updateAccepted = false;

export function useServiceWorkerUpdate(): { waiting: boolean; apply(): void } {
  const [worker, setWorker] = useState<ServiceWorker | null>(null);
  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    // The first install also changes the controller (clients.claim): only an accepted update reloads.
    const onControllerChange = () => {
      if (!updateAccepted) return;
      updateAccepted = false;
      location.reload();
    };
    const register = () =>
      navigator.serviceWorker
        .register('/sw.js')
        .then((registration) => {
          const hadController = Boolean(navigator.serviceWorker.controller);
          if (registration.waiting && hadController) setWorker(registration.waiting);
          registration.addEventListener('updatefound', () => {
            const installing = registration.installing;
            installing?.addEventListener('statechange', () => {
              if (installing.state === 'installed' && navigator.serviceWorker.controller)
                setWorker(installing);
            });
          });
          // An installed app may stay open for days: look for a new version now and then.
          setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
        })
        .catch(() => undefined);
    // Once the page has loaded: installing the worker fetches every screen, which must not compete with
    // the first screen for a slow connection.
    if (document.readyState === 'complete') void register();
    else window.addEventListener('load', register, { once: true });
    navigator.serviceWorker.addEventListener('controllerchange', onControllerChange);
    return () => {
      window.removeEventListener('load', register);
      navigator.serviceWorker.removeEventListener('controllerchange', onControllerChange);
    };
  }, []);
  return {
    waiting: worker !== null,
    apply() {
      updateAccepted = true;
      worker?.postMessage({ type: 'SKIP_WAITING' });
    },
  };
}
