import { renderToString } from 'react-dom/server';
import type { Language } from '#shared/i18n.ts';
import { ApplicantRoot } from './ApplicantRoot.tsx';

/**
 * Build time only (build/prerender.ts runs this in Node): the HTML of what a first visit shows, the home
 * screen of a visitor who is not signed in, in `language`. The page then paints before its script has
 * arrived, and main.tsx hydrates it when the browser's first render is this same screen.
 *
 * The app reads a few browser globals while rendering; here they say: nothing stored, no hash route,
 * online, and a browser that prefers `language`.
 */
export function renderFirstScreen(language: Language): string {
  const browser = {
    localStorage: { getItem: () => null },
    sessionStorage: { getItem: () => null },
    location: { hash: '' },
    navigator: { languages: [language], onLine: true },
  };
  const saved = Object.keys(browser).map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  );
  for (const [name, value] of Object.entries(browser)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  try {
    return renderToString(<ApplicantRoot />);
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}
