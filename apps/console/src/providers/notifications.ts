/**
 * The bell's feed: GET /api/me/notifications?locale=…, the work waiting for the signed-in official
 * (the gateway sums the services' dashboard figures, one notice per non-zero figure).
 * Expected shape: { items: [{ id, title, body?, link?, createdAt, read? }], unread? } or an array.
 * When no service answers that path yet, the bell says so rather than showing "nothing new".
 * Pure module: jest loads it.
 */
export interface Notice {
  id: string;
  title: string;
  body?: string;
  /** A console route (#/applications/…) or path to open. */
  link?: string;
  createdAt?: string;
  read: boolean;
}

export type NotificationFeed =
  { state: 'ok'; items: Notice[]; unread: number } | { state: 'unavailable' } | { state: 'error' };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** Reads the answer of the notifications endpoint; anything it cannot read is dropped, not guessed. */
export function adaptNotifications(status: number, body: unknown): NotificationFeed {
  if ([404, 405, 501, 502, 503, 504].includes(status)) return { state: 'unavailable' };
  if (status < 200 || status >= 300) return { state: 'error' };
  const raw = Array.isArray(body) ? body : (body as { items?: unknown })?.items;
  if (!Array.isArray(raw)) return { state: 'error' };
  const items: Notice[] = raw.flatMap((n) => {
    const o = (n ?? {}) as Record<string, unknown>;
    const id = str(o.id) ?? (typeof o.id === 'number' ? String(o.id) : undefined);
    const title = str(o.title) ?? str(o.message);
    if (!id || !title) return [];
    return [
      { id, title, body: str(o.body), link: str(o.link), createdAt: str(o.createdAt), read: o.read === true },
    ];
  });
  const declared = (body as { unread?: unknown })?.unread;
  const unread =
    typeof declared === 'number' && declared >= 0 ? declared : items.filter((n) => !n.read).length;
  return { state: 'ok', items, unread };
}

/** Only links inside the console are followed (a notification must not send an official elsewhere). */
export function consoleRoute(link: string | undefined): string | null {
  if (!link) return null;
  const route = link.replace(/^\/console\/?#?/, '').replace(/^#/, '');
  return /^\/[a-z]/.test(route) && !route.startsWith('//') ? route : null;
}
