import { apiJson } from '../api/client.ts';
import type { Waitlist, WaitlistJoin } from '../api/types.ts';

/** The waitlist calls of one application (issue 15). */
const waitlistPath = (applicationId: string) => `/applications/${encodeURIComponent(applicationId)}/waitlist`;

/** The entry, or null when the application never joined. */
export const readWaitlist = (applicationId: string) => apiJson<Waitlist | null>(waitlistPath(applicationId));

export const joinWaitlist = (applicationId: string, join: WaitlistJoin) =>
  apiJson<Waitlist>(waitlistPath(applicationId), { method: 'POST', json: join });

export async function leaveWaitlist(applicationId: string): Promise<void> {
  await apiJson<null>(waitlistPath(applicationId), { method: 'DELETE' });
}

/** Accepting is the submit: the application moves on to payment (billing code, 2 hours). */
export async function acceptOffer(applicationId: string): Promise<void> {
  await apiJson<unknown>(`${waitlistPath(applicationId)}/offer/accept`, { method: 'POST' });
}

export async function declineOffer(applicationId: string): Promise<void> {
  await apiJson<null>(`${waitlistPath(applicationId)}/offer/decline`, { method: 'POST' });
}
