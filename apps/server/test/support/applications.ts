import type { FastifyInstance } from 'fastify';
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
