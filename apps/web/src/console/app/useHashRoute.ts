import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '../routes.ts';

/** The current view from `location.hash`; unknown hashes fall back to `home`. */
export function useHashRoute(home: Route) {
  const [route, setRoute] = useState<Route | null>(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  const navigate = useCallback((next: Route) => {
    location.hash = routeHash(next);
  }, []);
  return { route: route ?? home, navigate };
}
