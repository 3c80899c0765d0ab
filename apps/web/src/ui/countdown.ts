/**
 * A countdown as both apps show it: "4:07" under an hour, "1:04:07" beyond, never negative. Seconds are
 * rounded up, so "0:00" shows only once the instant has come (a countdown reading 0:00 for a whole
 * second before the release would look broken to someone watching it).
 */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
