import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.ts';
import { jpegWithGps } from './files.ts';
import { adultWithoutPassport, applicantOf, takeResident } from './residents.ts';

/** A draft with every required scan uploaded, ready to submit: the applicant's own, through the API. */
export async function completeDraft(
  app: FastifyInstance,
  session: { token: string },
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; requiredDocuments: string[] }> {
  const headers = { authorization: `Bearer ${session.token}` };
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers,
    payload: {
      type: 'NEW',
      product: 'ELECTRONIC_5Y',
      applicant: applicantOf(takeResident(adultWithoutPassport)),
      ...overrides,
    },
  });
  if (created.statusCode !== 201) throw new Error(`draft failed: ${created.body}`);
  const draft = created.json() as { id: string; requiredDocuments: string[] };
  for (const kind of draft.requiredDocuments) {
    const upload = await app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${draft.id}/documents/${kind}`,
      headers: { ...headers, 'content-type': 'image/jpeg' },
      payload: jpegWithGps(300),
    });
    if (upload.statusCode !== 201) throw new Error(`upload failed: ${upload.body}`);
  }
  return draft;
}

/**
 * Marks a submitted application paid, as the payment notification will (billing issue): until the
 * SIMPONI webhook exists, tests of what happens after payment set the state directly.
 */
export async function markPaid(db: Database, applicationId: string, at: Date): Promise<void> {
  await db.execute(
    sql`update billings set status = 'PAID', paid_at = ${at} where application_id = ${applicationId}`,
  );
  await db.execute(sql`update applications set status = 'PAID' where id = ${applicationId}`);
  await db.execute(
    sql`insert into application_history (application_id, status, at, actor) values (${applicationId}, 'PAID', ${at}, 'SYSTEM')`,
  );
}
