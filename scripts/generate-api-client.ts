/**
 * Writes the API's TypeScript types, generated from the live OpenAPI document, to
 * apps/server/test/contract/api-types.ts (committed; openapi-fetch clients use them):
 *   node scripts/generate-api-client.ts
 * Run it after changing a route's schema; contract-types.test.ts fails until it is run.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { API_TYPES_FILE, generateApiTypes } from '../apps/server/test/contract/generate.ts';
import { liveOpenApiDocument } from './openapi-document.ts';

await writeFile(API_TYPES_FILE, await generateApiTypes(await liveOpenApiDocument()));
console.log(`wrote ${relative(process.cwd(), API_TYPES_FILE)}`);
