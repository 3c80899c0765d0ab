/** The app's screens as hash routes (`#/applications/<id>/pay`), so the shell serves any deep link. */
export type Route =
  | { name: 'home' }
  | { name: 'register' }
  | { name: 'verify'; email: string }
  | { name: 'claim'; link: string }
  | { name: 'login' }
  | { name: 'forgot' }
  | { name: 'advisor' }
  | { name: 'apply' }
  | { name: 'applications' }
  | { name: 'settings' }
  | { name: 'notFound' }
  | { name: 'application' | 'upload' | 'office' | 'reschedule' | 'pay' | 'pass'; id: string };

const simple = [
  'home',
  'register',
  'login',
  'forgot',
  'advisor',
  'apply',
  'applications',
  'settings',
] as const;
const perApplication = ['upload', 'office', 'reschedule', 'pay', 'pass'] as const;

export function parseRoute(hash: string): Route | null {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [first, second, third] = parts;
  if (first === 'verify') return { name: 'verify', email: new URLSearchParams(query).get('email') ?? '' };
  if (first === 'claim') return parts.length === 2 ? { name: 'claim', link: second! } : null;
  if (parts.length === 1)
    return (simple as readonly string[]).includes(first!) ? { name: first as (typeof simple)[number] } : null;
  if (first !== 'applications' || !second || parts.length > 3) return null;
  if (!third) return { name: 'application', id: second };
  return (perApplication as readonly string[]).includes(third)
    ? { name: third as (typeof perApplication)[number], id: second }
    : null;
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'verify':
      return `#/verify?email=${encodeURIComponent(route.email)}`;
    case 'claim':
      return `#/claim/${encodeURIComponent(route.link)}`;
    case 'application':
      return `#/applications/${encodeURIComponent(route.id)}`;
    case 'upload':
    case 'office':
    case 'reschedule':
    case 'pay':
    case 'pass':
      return `#/applications/${encodeURIComponent(route.id)}/${route.name}`;
    default:
      return `#/${route.name}`;
  }
}
