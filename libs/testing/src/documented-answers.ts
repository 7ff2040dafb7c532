import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * Every answer an integration test receives from a service or the gateway is held to the OpenAPI
 * document that server publishes (issue #16): its status must be one the operation documents,
 * and its JSON body must match the schema documented for that status and media type. Installed
 * for the integration tests (jest setupFilesAfterEnv), so no test can forget it.
 */

type Json = Record<string, unknown>;
interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  literals: number;
  op: { operationId: string; responses: Record<string, Json> };
}
interface Document {
  paths: Record<string, Record<string, Route['op']>>;
  components?: { responses?: Record<string, Json> };
  [key: string]: unknown;
}

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const validators = new WeakMap<object, ValidateFunction>();
const documents = new Map<string, Promise<{ doc: Document; routes: Route[] }[]>>();

const fetchJson = (url: string, plain: typeof fetch) =>
  plain(url)
    .then((res) => (res.ok ? (res.json() as Promise<Document>) : undefined))
    .catch(() => undefined);

function routesOf(doc: Document): Route[] {
  const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
      literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
      op,
    })),
  );
  // A literal segment wins over a parameter: /applications/count before /applications/{id}.
  return routes.sort((a, b) => b.literals - a.literals);
}

/** A service's own document and, on the gateway, the merged one (its paths under /api/v1). */
function documentsOf(origin: string, plain: typeof fetch) {
  let docs = documents.get(origin);
  if (!docs) {
    docs = Promise.all([
      fetchJson(`${origin}/openapi.json`, plain),
      fetchJson(`${origin}/api/docs.json`, plain),
    ]).then((found) =>
      found.filter((d): d is Document => !!d?.paths).map((doc) => ({ doc, routes: routesOf(doc) })),
    );
    documents.set(origin, docs);
  }
  return docs;
}

const resolve = (doc: Document, response: Json): Json => {
  const ref = response.$ref as string | undefined;
  return ref ? (doc.components?.responses?.[ref.split('/').pop()!] ?? {}) : response;
};

function validatorFor(doc: Document, schema: Json): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    // Problem answers point into the document's components; the rest is inline.
    validate = ajv.compile({ ...schema, components: doc.components });
    validators.set(schema, validate);
  }
  return validate;
}

/** Why an answer breaks its operation's documented responses, or undefined when it keeps them. */
export async function undocumentedAnswer(
  url: string,
  method: string,
  status: number,
  contentType: string | null,
  body: () => Promise<string>,
  plain: typeof fetch = fetch,
): Promise<string | undefined> {
  const { origin, pathname } = new URL(url);
  for (const { doc, routes } of await documentsOf(origin, plain)) {
    // Through the gateway the unversioned /api/… paths are aliases of /api/v1/….
    const candidates =
      pathname.startsWith('/api/') && !pathname.startsWith('/api/v1/')
        ? [pathname, `/api/v1${pathname.slice(4)}`]
        : [pathname];
    const route = routes.find((r) => r.method === method && candidates.some((p) => r.pattern.test(p)));
    if (!route) continue;
    const where = `${method} ${pathname} (${route.op.operationId})`;
    // A 304 answers a conditional request (HTTP semantics), not the operation.
    if (status === 304) return undefined;
    const documented = route.op.responses[String(status)];
    if (!documented)
      return `${where} answered ${status}, which its OpenAPI operation does not document (it documents ${Object.keys(route.op.responses).join(', ')})`;
    const media = contentType?.split(';')[0].trim();
    if (!media || !/json$/.test(media)) return undefined;
    const content = resolve(doc, documented).content as Record<string, { schema?: Json }> | undefined;
    const schema = content?.[media]?.schema;
    if (!schema) return `${where} answered ${status} as ${media}, which is not documented for that status`;
    const text = await body();
    const validate = validatorFor(doc, schema);
    if (!validate(text ? JSON.parse(text) : null))
      return `${where} answered ${status} with a body its documented schema refuses: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
    return undefined;
  }
  return undefined;
}

/** Wraps global fetch so a local server's answer that breaks its own document fails the test. */
export function checkDocumentedAnswers(): void {
  const plain = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await plain(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    // Only OTR's own servers (they stamp every answer with a correlation id): a service under test
    // also calls the test's stand-ins (the SMS gateway, the bank), which publish no document.
    if (!res.headers.has('x-correlation-id') || method === 'HEAD') return res;
    const problem = await undocumentedAnswer(
      url,
      method,
      res.status,
      res.headers.get('content-type'),
      () => res.clone().text(),
      plain,
    );
    if (problem) throw new Error(`Answer outside the API contract: ${problem}`);
    return res;
  };
}
