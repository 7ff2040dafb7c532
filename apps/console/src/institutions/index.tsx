import { Button, Tooltip } from '@mui/material';
import SchoolIcon from '@mui/icons-material/School';
import TimelineIcon from '@mui/icons-material/Timeline';
import {
  CanAccess,
  Datagrid,
  FunctionField,
  List,
  ResourceProps,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  useGetIdentity,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { covers, districtChoices, jurisdictionName } from '../i18n/jurisdictions';
import { gridSx, ListActions } from '../layout/ListActions';
import { StatusChip } from '../layout/StatusChip';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { rememberInstitution, timelineRoute } from '../timeline/routes';

type Institution = {
  id: string;
  name: string;
  category: string;
  scopes: string[];
  district: string;
  address: string;
  licenseNumber: string | null;
  licenseStatus: string;
  validUntil: string | null;
};

const categories = ['subject', 'sports', 'arts', 'science-tech'];
const statuses = ['active', 'suspended', 'revoked', 'expired', 'closed'];

/** The way from an institution to its whole history, for roles that may read timelines. */
function TimelineButton() {
  const record = useRecordContext<Institution>();
  const t = useTranslate();
  const { data: me } = useGetIdentity();
  if (!record) return null;
  if (!covers(me?.jurisdiction as string, record.district))
    return (
      <Tooltip title={t('otr.timeline.outside')}>
        <span>
          <Button size="small" startIcon={<TimelineIcon />} disabled>
            {t('otr.actions.timeline')}
          </Button>
        </span>
      </Tooltip>
    );
  return (
    <CanAccess resource="timeline" action="list">
      <Button
        size="small"
        startIcon={<TimelineIcon />}
        component={Link}
        to={timelineRoute(record.id)}
        onClick={(e) => {
          e.stopPropagation();
          rememberInstitution(record);
        }}
      >
        {t('otr.actions.timeline')}
      </Button>
    </CanAccess>
  );
}

const exportFields: ExportField<Institution>[] = [
  { source: 'name' },
  { source: 'licenseNumber' },
  { source: 'category', render: (r, t) => t(`otr.categories.${r.category}`, { _: r.category }) },
  { source: 'scopes', render: (r, t) => (r.scopes ?? []).map((s) => t(`otr.scopes.${s}`, { _: s })) },
  { source: 'district', render: (r, _t, locale) => jurisdictionName(r.district, locale) },
  { source: 'address' },
  { source: 'licenseStatus', render: (r, t) => t(`otr.statuses.${r.licenseStatus}`, { _: r.licenseStatus }) },
  { source: 'validUntil' },
];

/** The directory as officials see it, with a way into each institution's timeline. */
export const InstitutionList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  const exporter = useCsvExporter('institutions', exportFields);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={t('resources.institutions.fields.q')} />,
    <SelectInput key="district" source="district" choices={districtChoices(locale)} alwaysOn />,
    <SelectInput
      key="category"
      source="category"
      choices={categories.map((id) => ({ id, name: `otr.categories.${id}` }))}
    />,
    <SelectInput
      key="scope"
      source="scope"
      choices={['online', 'offline'].map((id) => ({ id, name: `otr.scopes.${id}` }))}
    />,
    <SelectInput
      key="status"
      source="status"
      choices={statuses.map((id) => ({ id, name: `otr.statuses.${id}` }))}
    />,
  ];
  return (
    <List filters={filters} actions={<ListActions filters />} exporter={exporter} perPage={25}>
      {small ? (
        <SimpleList<Institution>
          primaryText={(r) => r.name}
          secondaryText={(r) => `${r.licenseNumber ?? ''} · ${jurisdictionName(r.district, locale)}`}
          tertiaryText={(r) => t(`otr.statuses.${r.licenseStatus}`, { _: r.licenseStatus })}
          rowClick={(id, _resource, r) => {
            rememberInstitution(r as Institution);
            return timelineRoute(String(id));
          }}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false} sx={gridSx}>
          <TextField source="name" />
          <TextField source="licenseNumber" />
          <FunctionField<Institution>
            source="category"
            sortable={false}
            render={(r) => t(`otr.categories.${r.category}`, { _: r.category })}
          />
          <FunctionField<Institution>
            source="scopes"
            sortable={false}
            render={(r) => (r.scopes ?? []).map((s) => t(`otr.scopes.${s}`, { _: s })).join('、')}
          />
          <FunctionField<Institution>
            source="district"
            render={(r) => jurisdictionName(r.district, locale)}
          />
          <FunctionField<Institution>
            source="licenseStatus"
            sortable={false}
            render={(r) => <StatusChip status={r.licenseStatus} />}
          />
          <TextField source="validUntil" />
          <TimelineButton />
        </Datagrid>
      )}
    </List>
  );
};

export const institutions: ResourceProps = {
  name: 'institutions',
  list: InstitutionList,
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
