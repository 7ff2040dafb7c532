import { DataProvider, HttpError } from 'react-admin';
import { adaptList, listUrl, missingRequiredFilter, pagePlan } from './list-shape';
import { endpointOf } from './resources';
import { i18nProvider } from '../i18n/i18n-provider';
import { ProblemBody, ruleText } from './problems';
import { answerIn, apiFetch } from './session';

// The services answer, errors included, in the console's current language.
answerIn(() => i18nProvider.getLocale());

async function call(url: string, init?: RequestInit) {
  const res = await apiFetch(url, init);
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    // A problem+json body: react-admin places `errors` ({field: message}) next to the form's inputs
    // (server-side validation); the problem itself travels on for problemsOf.
    const problem = body as ProblemBody | null;
    const errors = problem?.errors?.length
      ? Object.fromEntries(problem.errors.map((i) => [i.field, ruleText(i)]))
      : undefined;
    throw new HttpError(problem?.detail ?? res.statusText, res.status, { ...problem, errors, problem });
  }
  return { body };
}

export interface OtrDataProvider extends DataProvider {
  /** A domain action on one record: POST <resource url>/<id>/<action>. */
  command(resource: string, id: string, action: string, body?: unknown): Promise<unknown>;
  /** A part of one record the service serves on its own route: GET <resource url>/<id>/<part>. */
  part<T = unknown>(resource: string, id: string, part: string): Promise<T>;
}

/** react-admin's data provider over the gateway: resource URLs from resources.ts, lists in the envelope. */
export const dataProvider: OtrDataProvider = {
  async getList(resource, params) {
    const endpoint = endpointOf(resource);
    if (missingRequiredFilter(endpoint, params.filter)) return { data: [], total: 0 };
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const plan = pagePlan(page, perPage, endpoint.maxPageSize, endpoint.unpaged);
    const data: Record<string, unknown>[] = [];
    let total = 0;
    for (const p of plan.pages) {
      const { body } = await call(listUrl(endpoint, params, p, plan.pageSize));
      const list = adaptList<Record<string, unknown>>(body);
      data.push(...list.data);
      total = list.total;
      if (list.data.length < plan.pageSize) break;
    }
    return { data: data.slice(plan.skip, plan.skip + plan.take) as never[], total };
  },
  async getOne(resource, { id }) {
    const { body } = await call(`${endpointOf(resource).url}/${encodeURIComponent(String(id))}`);
    return { data: body };
  },
  async getMany(resource, { ids }) {
    const url = endpointOf(resource).url;
    const data = await Promise.all(
      ids.map(async (id) => (await call(`${url}/${encodeURIComponent(String(id))}`)).body),
    );
    return { data };
  },
  async getManyReference(resource, { target, id, pagination, filter, sort }) {
    return this.getList(resource, { pagination, sort, filter: { ...filter, [target]: id } });
  },
  async create(resource, { data }) {
    const { body } = await call(endpointOf(resource).url, { method: 'POST', body: JSON.stringify(data) });
    // The services answer with their receipt: its id is named after the record.
    return { data: { ...data, ...body, id: body.id ?? body.applicationId ?? body.complaintId } };
  },
  async update(resource, { id, data, previousData }) {
    const changed = Object.fromEntries(
      Object.entries(data).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(previousData?.[k])),
    );
    const { body } = await call(`${endpointOf(resource).url}/${encodeURIComponent(String(id))}`, {
      method: 'PATCH',
      body: JSON.stringify(changed),
    });
    return { data: body };
  },
  async updateMany() {
    throw new Error('not supported');
  },
  async delete() {
    throw new Error('records are never deleted from the console');
  },
  async deleteMany() {
    throw new Error('records are never deleted from the console');
  },
  async command(resource, id, action, body) {
    const url = `${endpointOf(resource).url}/${encodeURIComponent(id)}/${action}`;
    return (await call(url, { method: 'POST', body: JSON.stringify(body ?? {}) })).body;
  },
  async part(resource, id, part) {
    return (await call(`${endpointOf(resource).url}/${encodeURIComponent(id)}/${part}`)).body;
  },
};
