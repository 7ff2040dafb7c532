/** Lists come as { items, total } from the services or as an array with X-Total-Count from the gateway. */
export function adaptList<T>(body: unknown, totalHeader: string | null): { data: T[]; total: number } {
  if (Array.isArray(body)) return { data: body as T[], total: Number(totalHeader ?? body.length) };
  const { items, total } = body as { items: T[]; total: number };
  return { data: items, total };
}
