import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiFetch, onSessionExpired, sessionStore, type StoredSession } from '../api/client.ts';
import { clearOfflineCache } from './offline.ts';

interface AppState {
  session: StoredSession | null;
  /** The server ended the session (expired, revoked): the login says so (issue 17). */
  expired: boolean;
  signIn(session: StoredSession): void;
  signOut(): Promise<void>;
  /** True when the server runs the simulators (a link to the simulated payment page makes sense). */
  simulation: boolean;
  /** Server time minus device time: the payment deadline counts on the server's clock. */
  clockOffsetMs: number;
}

const AppStateContext = createContext<AppState | null>(null);
const EXPIRED_KEY = 'mpaspor.sessionExpired';

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(() => sessionStore.get());
  const [simulation, setSimulation] = useState(false);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);

  // Kept for the tab (sessionStorage): a reload on the login still says why it is there.
  const [expired, setExpired] = useState(() => sessionStorage.getItem(EXPIRED_KEY) === '1');
  useEffect(
    () =>
      onSessionExpired(() => {
        sessionStorage.setItem(EXPIRED_KEY, '1');
        setSession(null);
        setExpired(true);
      }),
    [],
  );
  useEffect(() => {
    // In simulation the server's clock may be set or moved (GET /sim/clock); elsewhere it is real time.
    fetch('/sim/clock')
      .then(async (response) => {
        if (!response.ok) return;
        const { now } = (await response.json()) as { now: string };
        setSimulation(true);
        setClockOffsetMs(new Date(now).getTime() - Date.now());
      })
      .catch(() => undefined);
  }, []);

  const value = useMemo<AppState>(
    () => ({
      session,
      expired,
      simulation,
      clockOffsetMs,
      signIn(next) {
        sessionStore.set(next);
        setSession(next);
        sessionStorage.removeItem(EXPIRED_KEY);
        setExpired(false);
      },
      async signOut() {
        await apiFetch('/sessions/current', { method: 'DELETE' }).catch(() => undefined);
        sessionStore.clear();
        await clearOfflineCache();
        setSession(null);
      },
    }),
    [session, expired, simulation, clockOffsetMs],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const context = useContext(AppStateContext);
  if (!context) throw new Error('useAppState outside AppStateProvider');
  return context;
}

/** The server's "today" (WIB calendar day), for the calendar's first day. */
export function serverToday(clockOffsetMs: number): string {
  return new Date(Date.now() + clockOffsetMs + 7 * 3_600_000).toISOString().slice(0, 10);
}
