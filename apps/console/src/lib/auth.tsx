import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from './api';
import { ApiError } from './api-error';
import { sessionExpired, tokenStore } from './session-store';

export interface Me {
  id: string;
  email: string;
  role: string;
  collectiviteId: string | null;
  schoolIds: string[];
  displayName?: string | null;
}

interface AuthState {
  me: Me | null;
  ready: boolean;
  /** Set when the API ended the session (401), shown on the login page. */
  expired: boolean;
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = 'socle.me';

function claimsOf(token: string): { sub: string; role: string } | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}

/** GET /auth/me when the API has it; otherwise what the token itself says (its subject and role). */
async function loadMe(token: string, email: string | null): Promise<Me> {
  try {
    return await apiGet<Me>('/auth/me');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const claims = claimsOf(token);
    if (!claims) throw error;
    return { id: claims.sub, email: email ?? '', role: claims.role, collectiviteId: null, schoolIds: [] };
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [me, setMe] = useState<Me | null>(() => {
    const saved = sessionStorage.getItem(ME_KEY);
    return saved && tokenStore.get() ? (JSON.parse(saved) as Me) : null;
  });
  const [ready, setReady] = useState(() => !tokenStore.get());
  const [expired, setExpired] = useState(false);

  const forget = useCallback(() => {
    tokenStore.clear();
    sessionStorage.removeItem(ME_KEY);
    setMe(null);
    client.clear();
  }, [client]);

  useEffect(
    () =>
      sessionExpired.subscribe(() => {
        forget();
        setExpired(true);
      }),
    [forget],
  );

  useEffect(() => {
    const token = tokenStore.get();
    if (!token) return;
    loadMe(token, me?.email ?? null)
      .then((loaded) => {
        sessionStorage.setItem(ME_KEY, JSON.stringify(loaded));
        setMe(loaded);
      })
      .catch(() => forget())
      .finally(() => setReady(true));
    // Once, at start: later changes go through login and logout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const { accessToken } = await apiPost<{ accessToken: string }>('/auth/login', { email, password });
    tokenStore.set(accessToken);
    const loaded = await loadMe(accessToken, email);
    sessionStorage.setItem(ME_KEY, JSON.stringify(loaded));
    setExpired(false);
    setMe(loaded);
    return loaded;
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiPost('/auth/logout');
    } catch {
      // Without POST /auth/logout the token simply expires; it is forgotten here either way.
    }
    forget();
    setExpired(false);
  }, [forget]);

  const value = useMemo(() => ({ me, ready, expired, login, logout }), [me, ready, expired, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
