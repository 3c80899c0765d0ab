import type { FastifyInstance, FastifyRequest } from 'fastify';
import { negotiateLanguage, type Language } from '#shared/i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Language of messages for this request: Accept-Language, later the account's preference. */
    language: Language | null;
  }
}

export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('language', null);
  app.addHook('onRequest', async (request) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
  });
}

/** Also answers for requests that failed before the hooks ran (bad URL, closing server). */
export function languageOf(request: FastifyRequest): Language {
  return request.language ?? negotiateLanguage(request.headers['accept-language']);
}
