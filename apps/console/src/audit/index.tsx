import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Chip } from '@mui/material';
import {
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  ResourceProps,
  SimpleList,
  TextField,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { gridSx, ListActions } from '../layout/ListActions';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';

type AuditEntry = {
  id: string;
  at: string;
  userId?: string | null;
  role?: string | null;
  department?: string | null;
  jurisdiction?: string | null;
  method: string;
  path: string;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  status: number;
  correlationId?: string | null;
  ip?: string | null;
};

const exportFields: ExportField<AuditEntry>[] = [
  {
    source: 'at',
    render: (r, _t, locale) => new Date(r.at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' }),
  },
  { source: 'userId' },
  { source: 'role', render: (r, t) => (r.role ? t(`otr.roles.${r.role}`, { _: r.role }) : '') },
  {
    source: 'department',
    render: (r, t) => (r.department ? t(`otr.departments.${r.department}`, { _: r.department }) : ''),
  },
  { source: 'jurisdiction' },
  { source: 'method' },
  { source: 'path' },
  { source: 'action' },
  { source: 'recordType' },
  { source: 'recordId' },
  { source: 'status' },
  { source: 'correlationId' },
  { source: 'ip' },
];

const Outcome = ({ status }: { status: number }) => (
  <Chip
    size="small"
    variant="outlined"
    label={status}
    color={status >= 500 ? 'error' : status >= 400 ? 'warning' : 'success'}
  />
);

const filters = [
  <TextInput key="userId" source="userId" alwaysOn />,
  <TextInput key="path" source="path" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="recordId" source="recordId" />,
];

/** The append-only audit log, searchable by user, path, record and date. */
export const AuditList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  const exporter = useCsvExporter('audit', exportFields);
  return (
    <List filters={filters} actions={<ListActions filters />} exporter={exporter} perPage={50}>
      {small ? (
        <SimpleList<AuditEntry>
          primaryText={(r) => `${r.method} ${r.path}`}
          secondaryText={(r) => `${new Date(r.at).toLocaleString(locale)} · ${r.status}`}
          tertiaryText={(r) => (r.role ? t(`otr.roles.${r.role}`, { _: r.role }) : '')}
          linkType={false}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false} sx={gridSx}>
          <DateField source="at" showTime sortable={false} />
          <TextField source="userId" sortable={false} />
          <FunctionField<AuditEntry>
            source="role"
            sortable={false}
            render={(r) => (r.role ? t(`otr.roles.${r.role}`, { _: r.role }) : '')}
          />
          <TextField source="method" sortable={false} />
          <TextField source="path" sortable={false} sx={{ wordBreak: 'break-all' }} />
          <TextField source="action" sortable={false} />
          <TextField source="recordId" sortable={false} emptyText="" />
          <FunctionField<AuditEntry>
            source="status"
            sortable={false}
            render={(r) => <Outcome status={r.status} />}
          />
        </Datagrid>
      )}
    </List>
  );
};

export const audit: ResourceProps = { name: 'audit', list: AuditList, icon: FactCheckIcon };
