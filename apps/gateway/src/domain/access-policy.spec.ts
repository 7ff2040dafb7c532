import { Principal } from '@otr/auth';
import { authorize } from './access-policy';

const as = (role: Principal['roles'][number]): Principal => ({
  userId: 'u',
  name: 'n',
  roles: [role],
  jurisdiction: 'CN-ZJ-HZ',
});

describe('the gateway access policy', () => {
  it('lets anyone read the public directory and maps the path onto the service', () => {
    expect(authorize('GET', '/api/public/institutions?q=英语', null)).toMatchObject({
      kind: 'allow',
      servicePath: '/public/institutions?q=英语',
    });
  });

  it('asks for sign-in before a protected route', () => {
    expect(authorize('POST', '/api/registration/applications', null)).toEqual({ kind: 'sign-in-required' });
  });

  it('forbids a role the route does not name', () => {
    expect(authorize('POST', '/api/registration/applications', as('viewer'))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('forbids a method no rule allows, even on a public prefix', () => {
    expect(authorize('DELETE', '/api/public/institutions', as('administrator'))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('keeps the notification feed at the gateway itself, for officials only', () => {
    expect(authorize('GET', '/api/me/notifications', as('viewer'))).toMatchObject({
      kind: 'allow',
      route: { service: 'gateway' },
    });
    expect(authorize('GET', '/api/me/notifications', as('institution-operator'))).toMatchObject({
      kind: 'forbidden',
    });
    expect(authorize('GET', '/api/me/notifications', null)).toEqual({ kind: 'sign-in-required' });
  });

  it('lets only administrators reach a service’s dead letters, though its officials reach the rest', () => {
    expect(authorize('POST', '/api/inspection/dead-letters/x/redrive', as('administrator'))).toMatchObject({
      kind: 'allow',
      route: { service: 'inspection' },
      servicePath: '/dead-letters/x/redrive',
    });
    expect(authorize('GET', '/api/inspection/dead-letters', as('inspector'))).toMatchObject({
      kind: 'forbidden',
    });
    expect(authorize('GET', '/api/directory/dead-letters?open=true', as('administrator'))).toMatchObject({
      kind: 'allow',
      servicePath: '/dead-letters?open=true',
    });
  });

  it('does not treat a look-alike prefix as the route', () => {
    expect(authorize('GET', '/api/publicity', null)).toEqual({ kind: 'no-route' });
  });
});
