import type { OfficeReleases, ReleaseProgress, TicketView } from '#shared/contracts/releases.ts';
import { API_BASE, ApiError, apiFetch, problemFrom } from '../api/client.ts';

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

/**
 * The release's public progress, what a waiting ticket follows. Sent without the session: it is the
 * same for everyone, so the browser (and any cache on the way) may keep it for its second.
 */
export async function readProgress(code: string, releaseId: string): Promise<ReleaseProgress> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${office(code)}/releases/${encodeURIComponent(releaseId)}/progress`);
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', detail: '' });
  }
  if (!response.ok) throw problemFrom(response.status, await response.json().catch(() => null));
  return (await response.json()) as ReleaseProgress;
}

/** The public record of a release (seed and drawn order), for anyone to re-check the draw. */
export const releaseRecordUrl = (code: string, releaseId: string | null) =>
  `/api/v1${office(code)}/releases${releaseId ? `/${encodeURIComponent(releaseId)}` : ''}`;
