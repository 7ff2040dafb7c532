import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries read from zod (v4) schemas: values a schema accepts (so a request gets
 * past validation into the handler with edge-case content), and what a hostile caller sends instead.
 */

/** Strings that have broken parsers, databases and renderers before. */
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800', // a lone high surrogate: not encodable as UTF-8
  'x\uDFFFy',
  '\u202Eevil.exe', // right-to-left override
  'a\u200Bb\u200D', // zero-width space and joiner
  '\uFEFF',
  'e\u0301', // decomposed é
  '𝕏😀👨‍👩‍👧',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '\\',
  '%',
  '%00',
  '%ZZ',
  '_%\\%',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '$where',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(400),
  '\r\n\t',
  'x'.repeat(10_001),
  '字'.repeat(5_000),
];

/** Values of every JSON type, at and beyond the edges of what a field might hold. */
export const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  [],
  [null],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  Array.from({ length: 1_000 }, (_, i) => i),
  nest(200),
];

function nest(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const EDGE_CHARS = [
  '\u0000',
  '\uD800',
  '\u202E',
  '\u200B',
  '\uFEFF',
  "'",
  '"',
  '\\',
  '%',
  '_',
  '<',
  '\n',
  '字',
  '😀',
];

/** Text with a share of edge characters mixed into ordinary and binary strings. */
const text = (minLength: number, maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength }) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.oneof(
          fc.constantFrom(...EDGE_CHARS),
          fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
        ),
        minLength,
        maxLength,
      }),
    },
  );

type Def = Record<string, unknown> & { type: string };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) =>
  ((d.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);

function stringArb(d: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(d);
  const pattern =
    (d.pattern as RegExp | undefined) ?? (checks.find((c) => c.pattern)?.pattern as RegExp | undefined);
  const format =
    (d.format as string | undefined) ?? (checks.find((c) => c.format)?.format as string | undefined);
  // Dates at the ends of what the format allows: PostgreSQL has no year 0, JavaScript no year 10000.
  if (format === 'date')
    return fc.oneof(fc.stringMatching(pattern!), fc.constantFrom('0000-02-29', '0001-01-01', '9999-12-31'));
  if (format === 'datetime')
    return fc.oneof(
      fc.stringMatching(pattern!),
      fc.constantFrom('0000-02-29T00:00:00Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59.999Z'),
    );
  if (pattern) return fc.stringMatching(pattern);
  let min = 0;
  let max = 60;
  for (const c of checks) {
    if (c.check === 'min_length') min = Number(c.minimum);
    if (c.check === 'max_length') max = Number(c.maximum);
    if (c.check === 'length_equals') min = max = Number(c.length);
  }
  // The longest strings a field accepts, and short ones, both reach the handler.
  return fc.oneof(
    text(min, Math.min(max, min + 40)),
    fc.constant('字'.repeat(max)),
    fc.constant('a'.repeat(Math.max(min, 1))),
  );
}

function numberArb(d: Def): fc.Arbitrary<unknown> {
  let min = -1e15;
  let max = 1e15;
  let int = false;
  for (const c of [d, ...checksOf(d)]) {
    if (c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32') int = true;
    if (c.check === 'greater_than') min = Number(c.value) + (c.inclusive ? 0 : int ? 1 : 1e-9);
    if (c.check === 'less_than') max = Number(c.value) - (c.inclusive ? 0 : int ? 1 : 1e-9);
  }
  if (int) {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi));
  }
  return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
}

/** Values the schema's shape accepts (refinements aside): strings, numbers and lengths at their limits. */
export function validValue(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const inner = (s: unknown) => validValue(s as z.ZodType, depth + 1);
  switch (d.type) {
    case 'string':
      return stringArb(d);
    case 'number':
      return numberArb(d);
    case 'bigint':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ noInvalidDate: true }).map((x) => x.toISOString());
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner(d.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(d.innerType);
    case 'pipe':
      return defOf(d.in).type === 'transform' ? inner(d.out) : inner(d.in);
    case 'lazy':
      return depth > 4 ? fc.constant(null) : inner((d.getter as () => unknown)());
    case 'array': {
      let min = 0;
      let max = 3;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') min = Number(c.minimum);
        if (c.check === 'max_length') max = Math.min(Number(c.maximum), min + 3);
        if (c.check === 'length_equals') min = max = Number(c.length);
      }
      return fc.array(inner(d.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(d.items as unknown[]).map(inner));
    case 'union':
      return fc.oneof(...(d.options as unknown[]).map(inner));
    case 'intersection':
      return fc
        .tuple(inner(d.left), inner(d.right))
        .map(([a, b]) => (isObject(a) && isObject(b) ? { ...a, ...b } : a));
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), inner(d.valueType), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, s] of Object.entries(shape)) {
        model[key] = inner(s);
        if (!['optional', 'default', 'prefault'].includes(defOf(s).type)) required.push(key);
      }
      return fc.record(model, { requiredKeys: required });
    }
    default:
      // any, unknown, custom, transform: whatever JSON holds
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path to a value inside a JSON value, the value itself first. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && remove) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, replacement, remove);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, replacement, remove);
  return copy;
}

/** How one valid value was spoiled, for the failure report. */
export interface Spoiled {
  value: unknown;
  how: string;
}

/**
 * A value of the schema with one part spoiled: a field left out, or a field (or the whole value)
 * replaced by a hostile value of any type.
 */
export function spoiledValue(schema: z.ZodType): fc.Arbitrary<Spoiled> {
  return fc
    .tuple(validValue(schema), fc.nat(), fc.boolean(), fc.constantFrom(...HOSTILE_VALUES.keys()))
    .map(([valid, pick, remove, hostile]) => {
      const paths = pathsOf(valid);
      const path = paths[pick % paths.length];
      const at = path.join('.') || '(root)';
      if (remove && path.length > 0)
        return { value: setAt(valid, path, undefined, true), how: `without ${at}` };
      return {
        value: setAt(valid, path, HOSTILE_VALUES[hostile], false),
        how: `${at} = hostile #${hostile}`,
      };
    });
}
