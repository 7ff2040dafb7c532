/** Asks an instance whether it can take requests (its /health/ready). */
export type ReadinessProbe = (url: string) => Promise<boolean>;

export const httpReadiness: ReadinessProbe = (url) =>
  fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
    (res) => res.ok,
    () => false,
  );

/**
 * The instances of one service the gateway may send a request to. `<SERVICE>_URL` lists them,
 * comma-separated (or names a DNS name the platform balances); requests go round the healthy ones.
 * An instance that refuses a connection is set aside until its readiness probe answers again, so a
 * second registration instance carries the load when the first dies (81 × 502 before: the gateway
 * knew one address per service).
 */
export class Upstreams {
  private next = 0;
  private readonly aside = new Set<string>();

  constructor(
    readonly urls: readonly string[],
    private readonly probe: ReadinessProbe = httpReadiness,
    private readonly probeEveryMs = 2_000,
  ) {
    if (!urls.length) throw new Error('a service needs at least one instance URL');
  }

  /** The next healthy instance in turn (not `avoid`); when none is, any other, so a request is still tried. */
  pick(avoid?: string): string {
    for (let i = 0; i < this.urls.length; i++) {
      const url = this.urls[(this.next + i) % this.urls.length];
      if (url !== avoid && !this.aside.has(url)) {
        this.next = (this.next + i + 1) % this.urls.length;
        return url;
      }
    }
    return this.urls.find((u) => u !== avoid) ?? this.urls[0];
  }

  /** Sets an instance aside after it failed to take a request, and probes it until it is ready. */
  failed(url: string): void {
    // A single instance is never set aside: there is nothing else to send to.
    if (this.urls.length < 2 || this.aside.has(url)) return;
    this.aside.add(url);
    const check = async () => {
      if (await this.probe(url)) this.aside.delete(url);
      else setTimeout(check, this.probeEveryMs).unref();
    };
    setTimeout(check, this.probeEveryMs).unref();
  }

  /** Whether another instance could take a retry. */
  hasAlternative(url: string): boolean {
    return this.urls.some((u) => u !== url);
  }
}

/** `http://a:3001, http://b:3001` → its instances, without blanks or trailing slashes. */
export const parseUpstreams = (value: string): string[] =>
  value
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter(Boolean);
