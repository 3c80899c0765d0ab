import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { negotiateLanguage } from '#shared/i18n.ts';

/**
 * Serves the built web app: the applicant PWA at `/` and the officer console at `/console`. Paths the
 * browser routes itself (deep links) get the matching index.html; API and simulator paths never do.
 *
 * The build writes a `.br` and a `.gz` beside every text file (apps/web/build/precompress.ts); the
 * static plugin picks one by Accept-Encoding and says `Vary: accept-encoding`, so nothing is compressed
 * per request. The applicant page exists per language, its first screen drawn in it
 * (apps/web/build/prerender.ts): the browser's Accept-Language picks one, as the app itself would.
 */
export interface WebApp {
  /** Answers a GET that matched no file or route with the right index.html; false if not a page. */
  serveSpaFallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

const API_PREFIXES = ['/api/', '/sim/', '/metrics', '/healthz', '/readyz'];
const APPLICANT_PAGES = { id: 'index.html', en: 'index.en.html' } as const;

/** Vite fingerprints everything under assets/: a new build means new names, never new bytes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Icons keep their names across deployments, so they are kept a day rather than forever. */
const ICONS = 'public, max-age=86400';
/**
 * Pages, the manifest and the service worker name the current assets: the browser must ask every time
 * (a 304 costs little), or it would run an old deployment against a new API.
 */
const REVALIDATE = 'no-cache';

function cacheControlFor(pathInDist: string): string {
  const path = pathInDist
    .split(sep)
    .join('/')
    .replace(/\.(br|gz)$/, '');
  if (path.startsWith('assets/')) return IMMUTABLE;
  if (path.startsWith('icons/') || path === 'favicon.svg') return ICONS;
  return REVALIDATE;
}

export async function registerWeb(app: FastifyInstance, distDir: string): Promise<WebApp | null> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build` (npm start does it)');
    return null;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    // The plugin's own Cache-Control (`public, max-age=0`) would be the same for every file; ours differs.
    cacheControl: false,
    // The build stamp (.build-hash) is nobody's business.
    dotfiles: 'ignore',
    setHeaders(reply, path) {
      const inDist = relative(distDir, path).replace(/\.(br|gz)$/, '');
      void reply.header('cache-control', cacheControlFor(inDist));
      if (inDist.startsWith('index.')) void reply.header('vary', 'accept-language');
    },
  });
  const hasEnglishPage = existsSync(join(distDir, APPLICANT_PAGES.en));
  const applicantPage = (request: FastifyRequest) =>
    hasEnglishPage
      ? APPLICANT_PAGES[negotiateLanguage(request.headers['accept-language'])]
      : APPLICANT_PAGES.id;
  app.get('/', { schema: { hide: true } }, (request, reply) => reply.sendFile(applicantPage(request)));
  return {
    serveSpaFallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const path = request.url.split('?')[0] ?? '/';
      if (API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
      if (!(request.headers.accept ?? '').includes('text/html')) return false;
      const page =
        path === '/console' || path.startsWith('/console/') ? 'console/index.html' : applicantPage(request);
      void reply.sendFile(page);
      return true;
    },
  };
}
