import { useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from './routes.ts';

export function navigate(route: Route) {
  location.hash = routeHash(route);
}

/** The current screen from `location.hash`; unknown hashes show home. Focus moves to the new heading. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash) ?? { name: 'notFound' });
  useEffect(() => {
    const update = () => {
      setRoute(parseRoute(location.hash) ?? { name: 'notFound' });
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
