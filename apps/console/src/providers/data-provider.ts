import { DataProvider, HttpError } from 'react-admin';
import { adaptList } from './list-shape';
import { RESOURCE_URLS } from './resources';
import { apiFetch } from './session';

async function call(url: string, init?: RequestInit) {
  const res = await apiFetch(url, init);
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const message = body?.issues
      ? body.issues.map((i: { field: string; rule: string }) => `${i.field}: ${i.rule}`).join('; ')
      : (body?.message ?? res.statusText);
    throw new HttpError(message, res.status, body);
  }
  return { body, total: res.headers.get('x-total-count') };
}

const urlOf = (resource: string) => {
  const url = RESOURCE_URLS[resource];
  if (!url) throw new Error(`unknown resource ${resource}`);
  return url;
};

export const dataProvider: DataProvider & {
  command(resource: string, id: string, action: string, body?: unknown): Promise<unknown>;
} = {
  async getList(resource, { pagination, filter, sort }) {
    const qs = new URLSearchParams({
      page: String(pagination?.page ?? 1),
      pageSize: String(pagination?.perPage ?? 25),
    });
    for (const [k, v] of Object.entries(filter ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
    if (sort?.field) {
      qs.set('sort', sort.field);
      qs.set('order', sort.order);
    }
    const { body, total } = await call(`${urlOf(resource)}?${qs}`);
    return adaptList(body, total);
  },
  async getOne(resource, { id }) {
    const { body } = await call(`${urlOf(resource)}/${id}`);
    return { data: body };
  },
  async getMany(resource, { ids }) {
    const data = await Promise.all(ids.map(async (id) => (await call(`${urlOf(resource)}/${id}`)).body));
    return { data };
  },
  async getManyReference(resource, { target, id, pagination, filter, sort }) {
    return this.getList(resource, { pagination, sort, filter: { ...filter, [target]: id } });
  },
  async create(resource, { data }) {
    const { body } = await call(urlOf(resource), { method: 'POST', body: JSON.stringify(data) });
    return { data: { ...data, ...body, id: body.id ?? body.applicationId } };
  },
  async update(resource, { id, data, previousData }) {
    const changed = Object.fromEntries(
      Object.entries(data).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(previousData?.[k])),
    );
    const { body } = await call(`${urlOf(resource)}/${id}`, {
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
  /** A domain action on one record: POST <resource>/<id>/<action>. */
  async command(resource, id, action, body) {
    return (
      await call(`${urlOf(resource)}/${id}/${action}`, { method: 'POST', body: JSON.stringify(body ?? {}) })
    ).body;
  },
};
