import type { FastifyInstance } from 'fastify';
import { jpegWithGps } from './files.ts';
import { adultWithoutPassport, applicantOf, takeResident } from './residents.ts';

/** A draft with every required scan uploaded, ready to submit: the applicant's own, through the API. */
export async function completeDraft(
  app: FastifyInstance,
  session: { token: string; registration?: { nik: string } },
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
  const { applicant, number } = created.json() as {
    applicant: { nik: string; adult: boolean };
    number: string;
  };
  if (applicant.nik !== session.registration?.nik && applicant.adult)
    await giveConsent(app, session, draft.id, number);
  return draft;
}

/**
 * The NIK holder's consent (issue 15) for a draft filed for them: the code goes to the holder's own
 * account's e-mail, or by SMS to the phone the simulated registry verified for them; both land in the
 * dev mailbox (/sim/outbox), where the holder "reads" it, and the filer enters it.
 */
export async function giveConsent(
  app: FastifyInstance,
  session: { token: string },
  id: string,
  applicationNumber: string,
) {
  const headers = { authorization: `Bearer ${session.token}` };
  const requested = await app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/consent/request`,
    headers,
  });
  if (requested.statusCode !== 202) throw new Error(`consent request failed: ${requested.body}`);
  const code = await consentCodeFor(app, applicationNumber);
  const confirmed = await app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/consent`,
    headers,
    payload: { code },
  });
  if (confirmed.statusCode !== 200) throw new Error(`consent failed: ${confirmed.body}`);
}

/** The consent code for an application in the simulated outbox, to `to` if given (waits for the worker). */
export async function consentCodeFor(
  app: FastifyInstance,
  applicationNumber: string,
  to?: string,
): Promise<string> {
  const query = to ? `to=${encodeURIComponent(to)}` : 'limit=1000';
  for (let i = 0; i < 100; i++) {
    const sent = ((await app.inject({ url: `/sim/outbox?${query}` })).json() as { text: string }[]).filter(
      (m) => m.text.includes(applicationNumber),
    );
    const code = sent.map((m) => /(?:persetujuan|consent code):?\s*(\d{6})/i.exec(m.text)?.[1]).find(Boolean);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no consent code sent for ${applicationNumber}`);
}
