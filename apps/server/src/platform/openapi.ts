import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { problemSchema } from '#shared/contracts/problem.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

/**
 * OpenAPI 3.1 generated from the routes' zod schemas. Every documented route also declares the
 * problem document as its 4xx/5xx answer, so clients see one error shape everywhere.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    route.schema.response = { '4XX': problemSchema, '5XX': problemSchema, ...response };
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'M-Paspor API',
        version,
        description:
          'Public API of M-Paspor, the passport application service. Errors are RFC 9457 problem ' +
          'documents with a stable `code`; messages follow `Accept-Language` (id, en).',
      },
      tags: [
        { name: 'accounts', description: 'Registration, e-mail codes, sessions, password reset' },
        { name: 'applications', description: 'Passport applications and their scans' },
        { name: 'travel-documents', description: 'The account holder’s passports' },
        { name: 'fees', description: 'PNBP fee schedule' },
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'simulation', description: 'Simulators; present only when SIMULATION=on' },
      ],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/sessions' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'mpaspor_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(swaggerUi, { routePrefix: DOCS_PATH, uiConfig: { docExpansion: 'list' } });

  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
