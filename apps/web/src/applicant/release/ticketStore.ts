import type { Office } from '../api/types.ts';

/**
 * The ticket of an application's queue, kept on the phone so a reload (or the browser killing a
 * background tab at the busiest minute) returns to the same place instead of an empty screen.
 */
export interface StoredTicket {
  ticketId: string;
  office: Office;
}

const key = (applicationId: string) => `mpaspor.releaseTicket.${applicationId}`;

export const ticketStore = {
  get(applicationId: string): StoredTicket | null {
    try {
      const stored = JSON.parse(localStorage.getItem(key(applicationId)) ?? 'null') as StoredTicket | null;
      return stored && typeof stored.ticketId === 'string' && stored.office ? stored : null;
    } catch {
      return null;
    }
  },
  set: (applicationId: string, ticket: StoredTicket) =>
    localStorage.setItem(key(applicationId), JSON.stringify(ticket)),
  clear: (applicationId: string) => localStorage.removeItem(key(applicationId)),
};
