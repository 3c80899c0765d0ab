/**
 * A one-time message carried to the next screen (issue 17: a reschedule says it worked): kept in
 * sessionStorage so a reload in between does not lose it, and read once.
 */
const KEY = 'mpaspor.flash';
export type Flash = 'rescheduled' | 'cancelled';

export const flash = {
  set(message: Flash): void {
    sessionStorage.setItem(KEY, message);
  },
  take(): Flash | null {
    const message = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return message === 'rescheduled' || message === 'cancelled' ? message : null;
  },
};
