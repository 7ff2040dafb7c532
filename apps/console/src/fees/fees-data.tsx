import { ComponentType, ReactNode } from 'react';
import { DataProviderContext } from 'react-admin';
import { dataProvider, OtrDataProvider } from '../providers/data-provider';
import { endpointOf } from '../providers/resources';
import { isFeeResource, limitOffsetChunks, withId } from './fees-file';

type Row = Record<string, unknown>;
const rowsWithId = (resource: string, rows: unknown[]) => rows.map((r) => withId(resource, r as Row));

/**
 * The console's data provider, adapted to the fee-supervision service: it pages with
 * limit/offset (not page/pageSize) and keys accounts and closures by institution.
 */
export const feesDataProvider: OtrDataProvider = {
  ...dataProvider,
  async getList(resource, params) {
    if (!isFeeResource(resource) || endpointOf(resource).unpaged) {
      const list = await dataProvider.getList(resource, params);
      return { ...list, data: rowsWithId(resource, list.data) as never[] };
    }
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const data: Row[] = [];
    let total = 0;
    for (const { limit, offset } of limitOffsetChunks(page, perPage, endpointOf(resource).maxPageSize)) {
      const list = await dataProvider.getList(resource, {
        ...params,
        pagination: { page: 1, perPage: limit },
        filter: { ...params.filter, limit, offset },
      });
      data.push(...rowsWithId(resource, list.data));
      total = list.total ?? data.length;
      if (list.data.length < limit) break;
    }
    return { data: data as never[], total };
  },
  async getOne(resource, params) {
    const { data } = await dataProvider.getOne(resource, params);
    return { data: withId(resource, data) as never };
  },
  async getMany(resource, params) {
    const { data } = await dataProvider.getMany(resource, params);
    return { data: rowsWithId(resource, data) as never[] };
  },
  async getManyReference(resource, { target, id, pagination, filter, sort }) {
    return this.getList(resource, { pagination, sort, filter: { ...filter, [target]: id } });
  },
  async create(resource, params) {
    const { data } = await dataProvider.create(resource, params);
    return { data: withId(resource, data) as never };
  },
};

/** Gives a fee-supervision screen the adapted provider (lists, references and exports below it use it). */
export const FeesData = ({ children }: { children: ReactNode }) => (
  <DataProviderContext.Provider value={feesDataProvider}>{children}</DataProviderContext.Provider>
);

export const withFeesData =
  <P extends object>(Screen: ComponentType<P>) =>
  (props: P) => (
    <FeesData>
      <Screen {...props} />
    </FeesData>
  );
