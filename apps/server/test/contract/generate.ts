import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';

/**
 * TypeScript types of the API, generated with openapi-typescript from the live OpenAPI document, for
 * openapi-fetch clients. One function for the generator script and the test that holds the committed
 * file to the live document, so both produce the same bytes.
 */
export const API_TYPES_FILE = fileURLToPath(new URL('./api-types.ts', import.meta.url));

const HEADER =
  '// Regenerate with `node scripts/generate-api-client.ts`; contract-types.test.ts fails when stale.\n\n';

/** Files travel as Blobs with fetch; openapi-typescript would type `format: binary` as a string. */
const blob = ts.factory.createTypeReferenceNode('Blob');

export async function generateApiTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as OpenAPI3, {
    silent: true,
    transform: (schema) => (schema.format === 'binary' ? blob : undefined),
  });
  const source = COMMENT_HEADER + HEADER + astToString(ast);
  const options = await resolveConfig(API_TYPES_FILE);
  return format(source, { ...options, filepath: API_TYPES_FILE });
}
