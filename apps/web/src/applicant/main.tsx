import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { initialLanguage } from '../i18n/i18n.tsx';
import './applicant.css';
import { ApplicantRoot } from './ApplicantRoot.tsx';
import { sessionStore } from './api/client.ts';
import { parseRoute } from './app/routes.ts';

const container = document.getElementById('root') as HTMLElement;

/**
 * The page may hold the home screen drawn at build time (build/prerender.ts) in the language it names.
 * React adopts that HTML only if its own first render is the same screen: not signed in, home route,
 * same language, online. Anyone else gets an empty page drawn afresh, as before there was a prerender.
 */
function showsPrerenderedScreen(): boolean {
  const language = container.dataset.prerendered;
  if (!language || !container.firstChild) return false;
  const route = parseRoute(location.hash) ?? { name: 'home' };
  return route.name === 'home' && !sessionStore.get() && initialLanguage() === language && navigator.onLine;
}

if (showsPrerenderedScreen()) {
  hydrateRoot(container, <ApplicantRoot />);
} else {
  container.replaceChildren();
  const root = createRoot(container);
  // As a transition the first render yields to the browser every few ms instead of holding the main
  // thread in one long task, which a slow phone would feel as a page that paints but does not answer.
  startTransition(() => root.render(<ApplicantRoot />));
}
