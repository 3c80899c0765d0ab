import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppState } from '../app/AppState.tsx';
import type { ClockSample } from './api.ts';
import { narrowOffset, offsetMs, type ClockOffset } from './logic.ts';

/**
 * The server's "now" for the release countdowns. Normally the `Date` headers of the waiting room's
 * answers bound it; in simulation the server's clock is moved at will (and its `Date` header is real
 * time), so `/sim/clock` is asked again whenever `resync` is called (a ticket changing state).
 */
export function useServerClock() {
  const { simulation, clockOffsetMs } = useAppState();
  const [headerOffset, setHeaderOffset] = useState<ClockOffset | null>(null);
  const [simOffset, setSimOffset] = useState<number | null>(null);
  const sample = useCallback((clock: ClockSample) => setHeaderOffset((o) => narrowOffset(o, clock)), []);
  const resync = useCallback(() => {
    if (!simulation) return;
    const sentAt = Date.now();
    fetch('/sim/clock')
      .then(async (response) => {
        if (!response.ok) return;
        const { now } = (await response.json()) as { now: string };
        setSimOffset(Date.parse(now) - (sentAt + Date.now()) / 2);
      })
      .catch(() => undefined);
  }, [simulation]);
  const offset = simulation ? (simOffset ?? clockOffsetMs) : offsetMs(headerOffset);
  const offsetRef = useRef(offset);
  useEffect(() => {
    offsetRef.current = offset;
  }, [offset]);
  /** Stable across renders: hooks that poll read the latest offset through it. */
  const now = useCallback(() => Date.now() + offsetRef.current, []);
  return { offset, now, sample, resync };
}

export type ServerClock = ReturnType<typeof useServerClock>;

/** Re-renders every second, for a countdown. */
export function useSecondTick(active = true): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, [active]);
}
