import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The zod type provider's transforms, with two additions: request bodies that only the document
 * knows (`schema.documentedBody`), and components limited to what the document refers to.
 */

const SCHEMA_REF = '#/components/schemas/';

/** Per route: zod to JSON Schema as the provider does it, plus the documented-only body. */
export const transformRoute: SwaggerTransform = (input) => {
  const { documentedBody, ...schema }: FastifySchema = input.schema;
  const result = jsonSchemaTransform({ ...input, schema });
  if (!documentedBody || result.schema.hide) return result;
  // Converted one by one through the provider, so registered schemas become $refs like everywhere else.
  const content = Object.fromEntries(
    Object.entries(documentedBody.content).map(([type, media]) => [
      type,
      { schema: jsonSchemaTransform({ ...input, schema: { body: media.schema } }).schema.body },
    ]),
  );
  return { ...result, schema: { ...result.schema, body: { content } } };
};

/**
 * The provider emits an input and an output variant of every schema registered with an id
 * (`Application` and `ApplicationInput`), used or not: half of them were never referred to.
 * Only the schemas reachable from the paths are kept, in a stable order.
 */
export const transformDocument: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) {
        const name = unescapePointer(child.slice(SCHEMA_REF.length));
        if (used.has(name)) continue;
        used.add(name);
        visit(schemas[name]);
      } else {
        visit(child);
      }
    }
  };
  visit({ ...document, components: { ...document.components, schemas: {} } });
  // By name: the registry's order is the order modules happened to be imported in.
  const kept = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => used.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return {
    ...document,
    components: { ...document.components, schemas: kept },
  } as ReturnType<SwaggerTransformObject>;
};

/** JSON Pointer (RFC 6901) escapes in a reference: `~1` is `/`, `~0` is `~`. */
function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
}
