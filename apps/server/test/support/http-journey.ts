import { codeIn, TEST_PASSWORD } from './accounts.ts';
import { jpegWithGps } from './files.ts';
import { applicantOf, adultWithoutPassport, takeResident } from './residents.ts';

/**
 * An applicant's journey over real HTTP against a server process in simulation mode, for system
 * tests that cannot reach the database themselves (PGlite is held by the server): register, read
 * the code from the dev mailbox (/sim/outbox), verify, log in, file a draft for oneself, upload
 * every required scan, submit for the office's last listed session with seats.
 */
export interface SubmittedOverHttp {
  readonly token: string;
  readonly applicationId: string;
  readonly number: string;
  readonly scanKind: string;
}

export async function submitOverHttpJourney(
  baseUrl: string,
  office: string,
  tag: string,
): Promise<SubmittedOverHttp> {
  const resident = takeResident(adultWithoutPassport);
  const email = `backup.${tag}@contoh.id`;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const isFile = Buffer.isBuffer(body);
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': isFile ? 'image/jpeg' : 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: isFile ? new Uint8Array(body) : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  const { married: _married, ...biodata } = applicantOf(resident);
  await call('POST', '/api/v1/accounts', {
    email,
    phone: '081234567890',
    password: TEST_PASSWORD,
    ...biodata,
  });
  const code = await mailboxCode(baseUrl, email);
  await call('POST', '/api/v1/accounts/verify-email', { email, code });
  const { token } = (await call('POST', '/api/v1/sessions', { email, password: TEST_PASSWORD })) as {
    token: string;
  };
  const auth = { authorization: `Bearer ${token}` };
  const draft = (await call(
    'POST',
    '/api/v1/applications',
    { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(resident) },
    auth,
  )) as { id: string; requiredDocuments: string[] };
  for (const kind of draft.requiredDocuments) {
    await call('PUT', `/api/v1/applications/${draft.id}/documents/${kind}`, jpegWithGps(300), auth);
  }
  const sessions = (await (
    await fetch(`${baseUrl}/api/v1/offices/${office}/sessions?service=REGULAR`)
  ).json()) as { id: string; available: number }[];
  const session = sessions.filter((s) => s.available > 0).at(-1);
  if (!session) throw new Error(`no REGULAR session with seats at ${office}`);
  const submitted = (await call(
    'POST',
    `/api/v1/applications/${draft.id}/submit`,
    { sessionId: session.id },
    auth,
  )) as { number: string };
  return { token, applicationId: draft.id, number: submitted.number, scanKind: draft.requiredDocuments[0]! };
}

async function mailboxCode(baseUrl: string, email: string): Promise<string> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const messages = (await (
      await fetch(`${baseUrl}/sim/outbox?to=${encodeURIComponent(email)}`)
    ).json()) as { text: string }[];
    if (messages[0]) return codeIn(messages[0].text);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code reached the dev mailbox for ${email}`);
}
