import type { AuthProvider } from 'react-admin';
import { can } from '../auth/permissions';
import { session } from './session';

/** Sign-in against the gateway; permissions and canAccess come from the roles in the session. */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok)
      throw new Error(
        res.status === 423 ? '账户已锁定，请稍后再试 / account locked' : (body.message ?? 'sign-in failed'),
      );
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
    if (error?.status === 401) {
      session.clear();
      throw new Error('session ended');
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
