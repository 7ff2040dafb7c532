import CardMembershipIcon from '@mui/icons-material/CardMembership';
import {
  Datagrid,
  FunctionField,
  List,
  ResourceProps,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { jurisdictionName } from '../i18n/jurisdictions';
import { gridSx, ListActions } from '../layout/ListActions';
import { StatusChip } from '../layout/StatusChip';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { License, LICENSE_STATUSES } from './license-file';
import { LicenseShow } from './LicenseShow';

const exportFields: ExportField<License>[] = [
  { source: 'number' },
  { source: 'institutionName' },
  { source: 'category', render: (r, t) => t(`otr.categories.${r.category}`, { _: r.category }) },
  { source: 'district', render: (r, _t, locale) => jurisdictionName(r.district, locale) },
  { source: 'status', render: (r, t) => t(`otr.statuses.${r.status}`, { _: r.status }) },
  { source: 'validUntil' },
  {
    source: 'competentDepartment',
    render: (r, t) => t(`otr.departments.${r.competentDepartment}`, { _: r.competentDepartment }),
  },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={LICENSE_STATUSES.map((id) => ({ id, name: `otr.statuses.${id}` }))}
    alwaysOn
  />,
];

/** Issued licenses in the official's jurisdiction (the operator's own), soonest to expire first. */
export const LicenseList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  const exporter = useCsvExporter('licenses', exportFields);
  return (
    <List filters={filters} actions={<ListActions />} exporter={exporter}>
      {small ? (
        <SimpleList<License>
          primaryText={(r) => r.institutionName}
          secondaryText={(r) => `${r.number} · ${jurisdictionName(r.district, locale)}`}
          tertiaryText={(r) => t(`otr.statuses.${r.status}`, { _: r.status })}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx}>
          <TextField source="number" sortable={false} />
          <TextField source="institutionName" sortable={false} />
          <FunctionField<License>
            source="category"
            sortable={false}
            render={(r) => t(`otr.categories.${r.category}`, { _: r.category })}
          />
          <FunctionField<License>
            source="district"
            sortable={false}
            render={(r) => jurisdictionName(r.district, locale)}
          />
          <FunctionField<License>
            source="status"
            sortable={false}
            render={(r) => <StatusChip status={r.status} />}
          />
          <TextField source="validUntil" sortable={false} />
          <FunctionField<License>
            source="competentDepartment"
            sortable={false}
            render={(r) => t(`otr.departments.${r.competentDepartment}`, { _: r.competentDepartment })}
          />
        </Datagrid>
      )}
    </List>
  );
};

export const licenses: ResourceProps = {
  name: 'licenses',
  list: LicenseList,
  show: LicenseShow,
  icon: CardMembershipIcon,
  recordRepresentation: (r) => `${r.institutionName}（${r.number}）`,
};
