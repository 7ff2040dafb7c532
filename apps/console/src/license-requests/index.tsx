import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Stack } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  Link,
  List,
  maxLength,
  minLength,
  required,
  ResourceProps,
  SelectInput,
  TextField,
  TextInput,
  useDataProvider,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { ApiItem } from '@otr/contracts/browser';
import { jurisdictionName } from '../i18n/jurisdictions';
import { CommandButton } from '../layout/CommandDialog';
import { gridSx, ListActions } from '../layout/ListActions';
import { StatusChip } from '../layout/StatusChip';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import type { OtrDataProvider } from '../providers/data-provider';
import { Facts } from '../licenses/Facts';
import { factsOf } from '../licenses/license-file';

/** A change or closure request as the registration service lists it, with what the caller may decide on it. */
type LicenseRequest = ApiItem<'/api/v1/registration/license-requests'>;
type RequestStatus = LicenseRequest['status'];
/** The statuses to filter by; the compiler holds them to the service's enum. */
const STATUSES: Record<RequestStatus, true> = { pending: true, approved: true, rejected: true };

const exportFields: ExportField<LicenseRequest>[] = [
  { source: 'licenseNumber' },
  { source: 'institutionName' },
  { source: 'district', render: (r, _t, locale) => jurisdictionName(r.district, locale) },
  { source: 'kind', render: (r, t) => t(`otr.licenses.kinds.${r.kind}`, { _: r.kind }) },
  {
    source: 'request',
    render: (r, t) =>
      factsOf(r.request).map(
        (f) =>
          `${t(`otr.facts.${f.key}`, { _: f.key })}：${Array.isArray(f.value) ? f.value.join('、') : f.value}`,
      ),
  },
  { source: 'status', render: (r, t) => t(`otr.statuses.${r.status}`, { _: r.status }) },
  { source: 'reasons' },
  { source: 'createdAt' },
  { source: 'decidedAt' },
];

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={Object.keys(STATUSES).map((id) => ({ id, name: `otr.statuses.${id}` }))}
    alwaysOn
  />,
];

/** Approve, or reject with reasons, as the service offers them; once decided, when and why a refusal. */
function Decision({ request }: { request: LicenseRequest }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  const [locale = 'zh-CN'] = useLocaleState();
  if (request.status !== 'pending')
    return (
      <span style={{ whiteSpace: 'normal' }}>
        {request.decidedAt &&
          new Date(request.decidedAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })}
        {request.reasons && <span style={{ display: 'block' }}>{request.reasons}</span>}
      </span>
    );
  const decide = (body: unknown) => dataProvider.command('license-requests', request.id, 'decision', body);
  const offers = (command: LicenseRequest['actions'][number]) => request.actions?.includes(command) ?? false;
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      {offers('approve') && (
        <CommandButton
          resource="license-requests"
          access="approve"
          label="otr.licenses.commands.approve"
          hint="otr.licenses.hints.approve"
          variant="contained"
          send={() => decide({ approve: true })}
        />
      )}
      {offers('reject') && (
        <CommandButton
          resource="license-requests"
          access="reject"
          label="otr.licenses.commands.reject"
          color="error"
          inputs={
            <TextInput
              source="reasons"
              label="otr.licenses.reason"
              multiline
              minRows={3}
              validate={[required(), minLength(2), maxLength(2000)]}
            />
          }
          fields={['reasons']}
          send={(v) => decide({ approve: false, reasons: String(v.reasons ?? '').trim() })}
        />
      )}
    </Stack>
  );
}

/** The request's details and the decision wrap, so the buttons stay in view (the district is in the export). */
const sx = {
  ...gridSx,
  '& .column-request, & .column-decision': { whiteSpace: 'normal', minWidth: 200 },
} as const;

/** The approver's second queue: change (变更) and closure (终止办学) requests in the jurisdiction, oldest first. */
export const LicenseRequestList = () => {
  const t = useTranslate();
  const exporter = useCsvExporter('license-requests', exportFields);
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'pending' }}
      actions={<ListActions />}
      exporter={exporter}
      sort={{ field: 'createdAt', order: 'ASC' }}
    >
      <Datagrid rowClick={false} bulkActionButtons={false} sx={sx}>
        <FunctionField<LicenseRequest>
          source="licenseNumber"
          sortable={false}
          render={(r) => <Link to={`/licenses/${r.licenseId}/show`}>{r.licenseNumber}</Link>}
        />
        <TextField source="institutionName" sortable={false} />
        <FunctionField<LicenseRequest>
          source="kind"
          sortable={false}
          render={(r) => t(`otr.licenses.kinds.${r.kind}`, { _: r.kind })}
        />
        <FunctionField<LicenseRequest>
          source="request"
          sortable={false}
          render={(r) => <Facts data={r.request} />}
        />
        <DateField source="createdAt" showTime sortable={false} />
        <FunctionField<LicenseRequest>
          source="status"
          sortable={false}
          render={(r) => <StatusChip status={r.status} />}
        />
        <FunctionField<LicenseRequest>
          source="decision"
          sortable={false}
          render={(r) => <Decision request={r} />}
        />
      </Datagrid>
    </List>
  );
};

export const licenseRequests: ResourceProps = {
  name: 'license-requests',
  list: LicenseRequestList,
  icon: FactCheckIcon,
};
