/**
 * Lints the live OpenAPI document with Redocly (rules in redocly.yaml):
 *   npm run lint:openapi
 * The document is written to .tmp/openapi.json (git-ignored) so a failure can be looked at.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveOpenApiDocument } from './openapi-document.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, '.tmp/openapi.json');
const redocly = join(root, 'node_modules/@redocly/cli/bin/cli.js');

await mkdir(join(root, '.tmp'), { recursive: true });
await writeFile(output, `${JSON.stringify(await liveOpenApiDocument(), null, 2)}\n`);
const lint = spawnSync(process.execPath, [redocly, 'lint', '--config', 'redocly.yaml', '.tmp/openapi.json'], {
  cwd: root,
  stdio: 'inherit',
  // Redocly asks its server for telemetry and updates; the lint must work offline and say nothing.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
if (lint.error) throw lint.error;
process.exitCode = lint.status ?? 1;
