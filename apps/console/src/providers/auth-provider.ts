import type { AuthProvider } from 'react-admin';
import { can } from '../auth/permissions';
import { session } from './session';

/** A translation key for a failed sign-in; the server's wording is never shown (it might say too much). */
export function loginError(status: number): string {
  if (status === 401 || status === 400) return 'otr.login.invalid';
  if (status === 423 || status === 429) return 'otr.login.locked';
  return 'otr.login.unavailable';
}

/** Sign-in against the gateway; permissions and canAccess come from the roles in the session. */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(loginError(res.status));
    session.set(body);
  },
  async logout() {
    const s = session.get();
    if (s) {
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.accessToken}` },
        body: JSON.stringify({ refreshToken: s.refreshToken }),
      }).catch(() => undefined);
    }
    session.clear();
  },
  async checkAuth() {
    if (!session.get()) throw new Error('sign in');
  },
  async checkError(error) {
    // apiFetch already tried the refresh token once: a 401 here means the session is over.
    if (error?.status === 401) {
      session.clear();
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const s = session.get();
    if (!s) throw new Error('not signed in');
    return { id: s.user.userId, fullName: s.user.name, ...s.user };
  },
  async getPermissions() {
    return session.get()?.user ?? null;
  },
  async canAccess({ resource, action }) {
    return can(session.get()?.user.roles ?? [], resource, action);
  },
};
