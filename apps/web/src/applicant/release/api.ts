import type { OfficeReleases, TicketView } from '#shared/contracts/releases.ts';
import { apiFetch } from '../api/client.ts';

/**
 * The waiting room's calls. Each answer comes with when it was asked and its `Date` header, so the
 * countdowns can run on the server's clock rather than the phone's (logic.ts `narrowOffset`).
 */
export interface ClockSample {
  date: string | null;
  sentAt: number;
  receivedAt: number;
}

async function timed<T>(
  path: string,
  options?: Parameters<typeof apiFetch>[1],
): Promise<{ body: T; clock: ClockSample }> {
  const sentAt = Date.now();
  const response = await apiFetch(path, options);
  const receivedAt = Date.now();
  const body = (await response.json()) as T;
  return { body, clock: { date: response.headers.get('date'), sentAt, receivedAt } };
}

const office = (code: string) => `/offices/${encodeURIComponent(code)}`;

export const officeReleases = (code: string) => timed<OfficeReleases>(`${office(code)}/releases`);

/** Joining twice answers the same ticket (200): a second tap or a second phone is harmless. */
export const joinQueue = (code: string, applicationId: string) =>
  timed<TicketView>(`${office(code)}/release-queue`, { method: 'POST', json: { applicationId } });

export const readTicket = (code: string, ticketId: string) =>
  timed<TicketView>(`${office(code)}/release-queue/${encodeURIComponent(ticketId)}`);

/** The public record of a release (seed and drawn order), for anyone to re-check the draw. */
export const releaseRecordUrl = (code: string, releaseId: string | null) =>
  `/api/v1${office(code)}/releases${releaseId ? `/${encodeURIComponent(releaseId)}` : ''}`;
