import { z } from 'zod';

/**
 * The one list convention (issue #16, docs/integration.md "Lists"): every list answers the envelope
 * `{ items, total }`; a list that can grow without bound also pages by keyset, with an opaque
 * `after` cursor in the query and `nextCursor` in the envelope (null on the last page).
 */
export const ListEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().nonnegative().describe('How many match in all (every page together).'),
  });

/** Where the next page starts: the sort key and id of the last row given, opaque to the client. */
export type Keyset = [key: string, id: string];

export const encodeCursor = ([key, id]: Keyset): string =>
  Buffer.from(JSON.stringify([key, id])).toString('base64url');

function decodeCursor(text: string): Keyset | null {
  try {
    const c: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string'
      ? [c[0], c[1]]
      : null;
  } catch {
    return null;
  }
}

/** The `after` query parameter: a `nextCursor` this list gave, decoded; anything else is a 400. */
export const AfterCursor = z
  .string()
  .max(400)
  .transform((text, ctx) => {
    const cursor = decodeCursor(text);
    if (!cursor) ctx.addIssue({ code: 'custom', message: 'not a cursor this list returned as nextCursor' });
    return cursor ?? z.NEVER;
  })
  .describe('The nextCursor of the previous page: continues right after it, however deep (keyset paging).');

/** The envelope of a keyset-paged list. */
export const KeysetEnvelope = <T extends z.ZodType>(item: T) =>
  ListEnvelope(item).extend({
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `after` for the page that follows; null on the last page.'),
  });

/**
 * The page's rows and the cursor after them, from one more row than the page asked for: the extra
 * row only says that another page follows.
 */
export function keysetPage<R>(rows: R[], pageSize: number, keyOf: (row: R) => Keyset) {
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > pageSize && last ? encodeCursor(keyOf(last)) : null };
}
