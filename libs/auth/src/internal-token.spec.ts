import { Principal } from './principal';
import { signPrincipal, verifyPrincipal } from './internal-token';

const secret = 'a-test-only-signing-secret-of-32-characters-or-more';
const viewer: Principal = { userId: 'viewer.city', name: '市级查看员', roles: ['viewer'], jurisdiction: 'CN-ZJ-HZ' };

describe('a principal the gateway signs for one service', () => {
  it('is accepted by that service', async () => {
    const token = await signPrincipal(viewer, 'registration', secret);
    await expect(verifyPrincipal(token, 'registration', secret)).resolves.toEqual(viewer);
  });

  it('is refused by every other service (audience otr-<service>)', async () => {
    const token = await signPrincipal(viewer, 'registration', secret);
    await expect(verifyPrincipal(token, 'complaints', secret)).rejects.toThrow(/aud/);
  });

  it('is refused when signed with another key', async () => {
    const token = await signPrincipal(viewer, 'complaints', `${secret}-other`);
    await expect(verifyPrincipal(token, 'complaints', secret)).rejects.toThrow();
  });
});
