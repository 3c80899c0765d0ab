import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { installationSecrets } from '../db/schema/platform.ts';

/**
 * A secret from configuration, or outside production one generated on first start and kept in the
 * database, so every instance on the same database and every restart use the same one.
 */
export async function resolveSecret(
  db: Database,
  name: string,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  await db
    .insert(installationSecrets)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: installationSecrets.name });
  const [row] = await db.select().from(installationSecrets).where(eq(installationSecrets.name, name));
  if (!row) throw new Error(`Installation secret ${name} could not be stored`);
  return row.value;
}

/** A key for one purpose, derived from the installation secret: one leaked key does not give the others. */
export function deriveKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`m-paspor:${purpose}`).digest('base64url');
}
