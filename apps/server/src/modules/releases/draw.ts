import { createHash, createHmac } from 'node:crypto';

/**
 * The draw of a release's waiting room, as anyone can re-check it. When the window opens, the SHA-256
 * of its seed is published (the commitment); at the release instant the seed itself is published and
 * everyone who joined before that instant is ordered by SHA-256(seed + ":" + ticket id), lowest first,
 * as lowercase hex. Whoever holds the seed and the list of ticket ids gets the same order; nobody could
 * know it before the instant, and the server cannot change the seed after committing to it.
 *
 * The seed is an HMAC of the window id under the server's key, so it is never stored before the draw
 * (a database reader learns nothing ahead of time) and every server process derives the same one.
 */
export function releaseSeed(key: string, windowId: string): string {
  return createHmac('sha256', key).update(`release-seed:${windowId}`).digest('hex');
}

export function seedCommitment(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

export function drawKey(seed: string, ticketId: string): string {
  return createHash('sha256').update(`${seed}:${ticketId}`, 'utf8').digest('hex');
}

/** The drawn order of tickets (ids), as the database computes it in the draw (repository.ts). */
export function drawOrder(seed: string, ticketIds: readonly string[]): string[] {
  return ticketIds
    .map((id) => ({ id, key: drawKey(seed, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((t) => t.id);
}
