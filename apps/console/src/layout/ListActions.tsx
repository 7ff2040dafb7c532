import { CanAccess, CreateButton, ExportButton, FilterButton, TopToolbar } from 'react-admin';

/** The toolbar of every list: more filters, create (when allowed), and CSV export (when allowed). */
export const ListActions = ({ create = false, filters = false }: { create?: boolean; filters?: boolean }) => (
  <TopToolbar>
    {filters && <FilterButton />}
    {create && <CreateButton />}
    <CanAccess action="export">
      <ExportButton maxResults={2000} />
    </CanAccess>
  </TopToolbar>
);

/** Tables keep codes, dates and labels on one line and scroll sideways on a narrow screen. */
export const gridSx = {
  '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
  '& .RaDatagrid-headerCell, & .RaDatagrid-rowCell': { whiteSpace: 'nowrap' },
  '& .column-name, & .column-institutionName, & .column-path': { whiteSpace: 'normal', minWidth: 200 },
} as const;
