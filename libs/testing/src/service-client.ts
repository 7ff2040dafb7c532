import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';

/**
 * Calls a service directly as a principal the gateway would have signed for it (the audience is the
 * service's own name, which it tells on /health/live); JSON in, status and JSON out.
 */
export function serviceClient(port: number) {
  let name: Promise<string> | undefined;
  const serviceName = () =>
    (name ??= fetch(`http://127.0.0.1:${port}/health/live`)
      .then((res) => res.json())
      .then((live: { service: string }) => live.service));
  return async (as: Principal, method: string, path: string, body?: unknown) => {
    const form = body instanceof FormData;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        ...(form || body === undefined ? {} : { 'content-type': 'application/json' }),
        [PRINCIPAL_HEADER]: await signPrincipal(as, await serviceName()),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = Boolean(text) && res.headers.get('content-type')?.includes('json');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the route answers
    const answer: any = json ? JSON.parse(text) : text;
    return { status: res.status, body: answer };
  };
}
