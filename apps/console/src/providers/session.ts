/** The signed-in session, kept in localStorage so a reload stays signed in. */
export interface SessionUser {
  userId: string;
  name: string;
  roles: string[];
  department?: string;
  jurisdiction: string;
  institutionId?: string;
}

interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'otr.session';

export const session = {
  get(): Session | null {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  },
  set(s: Session) {
    localStorage.setItem(KEY, JSON.stringify(s));
  },
  clear() {
    localStorage.removeItem(KEY);
  },
};

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens once; concurrent callers share the same attempt. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = session.get();
    if (!current) return false;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    if (!res.ok) {
      session.clear();
      return false;
    }
    session.set(await res.json());
    return true;
  })().finally(() => (refreshing = null));
  return refreshing;
}

let language = () => 'zh-CN';
/** Where the console's current language comes from (react-admin's i18nProvider.getLocale()). */
export const answerIn = (locale: () => string) => void (language = locale);

/** fetch with the bearer token, refreshing once on 401, asking for answers in the console's language. */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = () =>
    fetch(url, {
      ...init,
      headers: {
        // A file upload (FormData) carries its own multipart type and boundary.
        ...(init.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        'accept-language': language(),
        ...(init.headers ?? {}),
        authorization: `Bearer ${session.get()?.accessToken ?? ''}`,
      },
    });
  const res = await send();
  if (res.status === 401 && (await refreshSession())) return send();
  return res;
}
