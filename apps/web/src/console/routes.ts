/** The console's views as hash routes, so a reload or a shared link opens the same view. */
export type Route =
  | { view: 'queue' }
  | { view: 'application'; id: string }
  | { view: 'schedule' }
  | { view: 'releases' }
  | { view: 'payments' }
  | { view: 'walk-in' }
  | { view: 'audit' };

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '');
  const application = /^\/applications\/([0-9a-fA-F-]{36})$/.exec(path);
  if (application?.[1]) return { view: 'application', id: application[1].toLowerCase() };
  switch (path) {
    case '/queue':
      return { view: 'queue' };
    case '/schedule':
      return { view: 'schedule' };
    case '/releases':
      return { view: 'releases' };
    case '/payments':
      return { view: 'payments' };
    case '/walk-in':
      return { view: 'walk-in' };
    case '/audit':
      return { view: 'audit' };
    default:
      return null;
  }
}

export function routeHash(route: Route): string {
  return route.view === 'application' ? `#/applications/${route.id}` : `#/${route.view}`;
}
