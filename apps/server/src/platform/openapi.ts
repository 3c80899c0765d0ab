import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { transformDocument, transformRoute } from './openapi-document.ts';
import { createOperationDocumenter, securitySchemes } from './openapi-operations.ts';

export { fileResponse, uploadBody } from './openapi-operations.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, for partners to generate clients from
 * (`npm run lint:openapi` holds it to Redocly's rules). Every documented operation has an
 * operationId, a summary, a security requirement derived from its `config.access`, and the
 * problem document as its 4XX/5XX answer, so clients see one error shape everywhere.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.addHook('onRoute', createOperationDocumenter());

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'M-Paspor API',
        version,
        description:
          'Public API of M-Paspor, the passport application service. Errors are RFC 9457 problem ' +
          'documents (`application/problem+json`) with a stable `code`; messages follow ' +
          '`Accept-Language` (id, en). Operations tagged `simulation` exist only when SIMULATION=on, ' +
          'never in production.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // Relative: the API is served from the origin that serves this document.
      servers: [{ url: '/', description: 'This server' }],
      tags: [
        { name: 'accounts', description: 'Registration, e-mail codes, sessions, password reset' },
        { name: 'applications', description: 'Passport applications and their scans' },
        {
          name: 'waitlist',
          description: 'Waiting for a freed seat: offers held for the next applicant (issue 15)',
        },
        { name: 'travel-documents', description: 'The account holder’s passports' },
        { name: 'offices', description: 'Immigration offices and their bookable sessions' },
        { name: 'fees', description: 'PNBP fee schedule' },
        { name: 'payments', description: 'Payment notifications from SIMPONI (signed)' },
        { name: 'officer', description: 'The officer console: log-in, queue and the office visit' },
        {
          name: 'officer administration',
          description: 'Office schedules, payments needing attention, audit log and officer accounts',
        },
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'simulation', description: 'Simulators; present only when SIMULATION=on' },
      ],
      components: { securitySchemes },
    },
    transform: transformRoute,
    transformObject: transformDocument,
  });

  await app.register(swaggerUi, { routePrefix: DOCS_PATH, uiConfig: { docExpansion: 'list' } });

  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
