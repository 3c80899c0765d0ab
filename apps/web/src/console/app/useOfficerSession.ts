import type { OfficerView } from '#shared/contracts/officer.ts';
import { useCallback, useEffect, useState } from 'react';
import { officerToken, onSessionExpired } from '../api.ts';
import { useApi } from './useApi.ts';

export type SessionState =
  | { state: 'checking' }
  | { state: 'signedOut'; expired: boolean }
  | { state: 'signedIn'; officer: OfficerView };

/** Who is signed in: a stored token is checked with `GET /me` once, then trusted until a 401. */
export function useOfficerSession() {
  const api = useApi();
  const [session, setSession] = useState<SessionState>(() =>
    officerToken.get() ? { state: 'checking' } : { state: 'signedOut', expired: false },
  );

  useEffect(() => onSessionExpired(() => setSession({ state: 'signedOut', expired: true })), []);

  useEffect(() => {
    if (session.state !== 'checking') return;
    api.get<OfficerView>('/me').then(
      (officer) =>
        setSession(officer ? { state: 'signedIn', officer } : { state: 'signedOut', expired: true }),
      () => setSession({ state: 'signedOut', expired: true }),
    );
  }, [api, session.state]);

  const signIn = useCallback((token: string, officer: OfficerView) => {
    officerToken.set(token);
    setSession({ state: 'signedIn', officer });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.send('DELETE', '/sessions/current');
    } finally {
      officerToken.clear();
      // The next officer at this desk starts on their own home view, not on the last one's application.
      history.replaceState(null, '', location.pathname + location.search);
      setSession({ state: 'signedOut', expired: false });
    }
  }, [api]);

  return { session, signIn, signOut };
}
