import react from '@vitejs/plugin-react';
import { createServer, type Plugin, type Rolldown } from 'vite';
import type { Language } from '#shared/i18n.ts';

/** The applicant page per language the server can pick by Accept-Language (apps/server/src/platform/web.ts). */
const PAGES: Record<Language, string> = { id: 'index.html', en: 'index.en.html' };
const ROOT = '<div id="root"></div>';

/**
 * Puts the home screen, rendered with React on the build machine, into the applicant page: a first visit
 * on a slow phone paints text as soon as the HTML and CSS are in, instead of after ~70 KB of script has
 * arrived and run. One page per language; main.tsx hydrates it, or draws afresh when the visitor's first
 * screen is another (signed in, a deep link, another stored language).
 */
export function prerenderFirstScreen(root: string): Plugin {
  return {
    name: 'mpaspor-prerender',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const page = bundle[PAGES.id];
      if (page?.type !== 'asset' || !String(page.source).includes(ROOT)) {
        this.error(`${PAGES.id} has no empty ${ROOT} to prerender into`);
      }
      const template = String(page.source);
      const rendered = await renderPages(root);
      for (const [language, fileName] of Object.entries(PAGES) as [Language, string][]) {
        const html = template
          .replace(/<html lang="[^"]*">/, `<html lang="${language}">`)
          // The end mark lets the service worker cut the prerender out of a returning visit's page.
          .replace(
            ROOT,
            `<div id="root" data-prerendered="${language}">${rendered[language]}</div><!--/prerendered-->`,
          );
        if (fileName === PAGES.id) (page as Rolldown.OutputAsset).source = html;
        else this.emitFile({ type: 'asset', fileName, source: html });
      }
    },
  };
}

/** Runs src/applicant/prerender.tsx through Vite in Node (TSX, `#shared/…` imports) and renders. */
async function renderPages(root: string): Promise<Record<Language, string>> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const module = (await server.ssrLoadModule('/src/applicant/prerender.tsx')) as {
      renderFirstScreen(language: Language): string;
    };
    return { id: module.renderFirstScreen('id'), en: module.renderFirstScreen('en') };
  } finally {
    await server.close();
  }
}
