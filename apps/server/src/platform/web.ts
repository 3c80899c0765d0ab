import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built web app: the applicant PWA at `/` and the officer console at `/console`. Paths the
 * browser routes itself (deep links) get the matching index.html; API and simulator paths never do.
 */
export interface WebApp {
  /** Answers a GET that matched no file or route with the right index.html; false if not a page. */
  serveSpaFallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

const API_PREFIXES = ['/api/', '/sim/', '/metrics', '/healthz', '/readyz'];

export async function registerWeb(app: FastifyInstance, distDir: string): Promise<WebApp | null> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build` (npm start does it)');
    return null;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    index: ['index.html'],
    setHeaders(reply, path) {
      // Vite fingerprints assets; pages and the service worker must be revalidated.
      const immutable = /[\\/]assets[\\/]/.test(path.slice(distDir.length));
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return {
    serveSpaFallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const path = request.url.split('?')[0] ?? '/';
      if (API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
      if (!(request.headers.accept ?? '').includes('text/html')) return false;
      const page = path === '/console' || path.startsWith('/console/') ? 'console/index.html' : 'index.html';
      void reply.header('cache-control', 'no-cache').sendFile(page);
      return true;
    },
  };
}
