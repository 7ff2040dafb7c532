import { Chip } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  DateField,
  FunctionField,
  NumberField,
  Show,
  TabbedShowLayout,
  TextField,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { jurisdictionName } from '../i18n/jurisdictions';
import { CommandButton } from '../layout/CommandDialog';
import { StatusChip } from '../layout/StatusChip';
import type { OtrDataProvider } from '../providers/data-provider';
import { Facts } from './Facts';
import { ReasonInput, reasonFields } from './inputs';
import { formatFen } from './license-file';
import { LicenseCommands } from './LicenseCommands';

type Row = Record<string, unknown>;
const label = (group: string, name: string) => `resources.licenses.fields.${group}.${name}`;
const Empty = () => {
  const t = useTranslate();
  return <span>{t('otr.licenses.none')}</span>;
};
const grid = { bulkActionButtons: false, rowClick: false, empty: <Empty /> } as const;

/** Codes shown in the user's language: a list of scopes, grade levels. */
function Codes({ codes, prefix }: { codes?: unknown; prefix: string }) {
  const t = useTranslate();
  return <>{((codes as string[]) ?? []).map((c) => t(`${prefix}.${c}`, { _: c })).join('、')}</>;
}

const CoursesGrid = () => {
  const [locale = 'zh-CN'] = useLocaleState();
  const t = useTranslate();
  return (
    <ArrayField source="courses" label={false}>
      <Datagrid {...grid}>
        <TextField source="name" label={label('course', 'name')} />
        <TextField source="subject" label={label('course', 'subject')} />
        <FunctionField
          label={label('course', 'mode')}
          render={(r: Row) => t(`otr.scopes.${r.mode}`, { _: String(r.mode) })}
        />
        <FunctionField
          label={label('course', 'gradeLevels')}
          render={(r: Row) => <Codes codes={r.gradeLevels} prefix="otr.licenses.gradeLevels" />}
        />
        <NumberField source="totalHours" label={label('course', 'totalHours')} />
        <NumberField source="lessonMinutes" label={label('course', 'lessonMinutes')} />
        <NumberField source="maxClassSize" label={label('course', 'maxClassSize')} />
        <FunctionField
          label={label('course', 'priceFen')}
          render={(r: Row) => formatFen(r.priceFen as number, locale)}
        />
        <DateField source="filedAt" label={label('course', 'filedAt')} showTime />
      </Datagrid>
    </ArrayField>
  );
};

/** The operator records that a staff member left (人员离职); the entry stays in the file. */
function RemoveStaff({ licenseId }: { licenseId: string }) {
  const staff = useRecordContext<{ id: string; removedAt?: string | null }>();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!staff || staff.removedAt) return null;
  return (
    <CommandButton
      resource="licenses"
      access="removeStaff"
      label="otr.licenses.commands.removeStaff"
      inputs={<ReasonInput />}
      fields={reasonFields}
      send={(v) =>
        dataProvider.command('licenses', licenseId, `staff/${encodeURIComponent(staff.id)}/remove`, v)
      }
    />
  );
}

function StaffGrid() {
  const t = useTranslate();
  const license = useRecordContext();
  return (
    <ArrayField source="staff" label={false}>
      <Datagrid {...grid}>
        <TextField source="name" label={label('staff', 'name')} />
        <TextField source="idNumberMasked" label={label('staff', 'idNumberMasked')} />
        <FunctionField
          label={label('staff', 'role')}
          render={(r: Row) => t(`otr.licenses.staffRoles.${r.role}`, { _: String(r.role) })}
        />
        <TextField source="subject" label={label('staff', 'subject')} emptyText="—" />
        <FunctionField
          label={label('staff', 'certificate')}
          render={(r: { certificate?: { kind: string; number: string } }) =>
            r.certificate
              ? `${t(`otr.licenses.certificates.${r.certificate.kind}`)} ${r.certificate.number}`
              : '—'
          }
        />
        <FunctionField
          label={label('staff', 'flaggedInService')}
          render={(r: Row) =>
            r.flaggedInService ? (
              <Chip size="small" color="error" variant="outlined" label={t('otr.licenses.inService')} />
            ) : (
              t('otr.licenses.clear')
            )
          }
        />
        <DateField source="filedAt" label={label('staff', 'filedAt')} showTime />
        <DateField source="removedAt" label={label('staff', 'removedAt')} showTime emptyText="" />
        {license && <FunctionField label="" render={() => <RemoveStaff licenseId={String(license.id)} />} />}
      </Datagrid>
    </ArrayField>
  );
}

const RequestsGrid = () => {
  const t = useTranslate();
  return (
    <ArrayField source="requests" label={false}>
      <Datagrid {...grid}>
        <FunctionField
          label={label('request', 'kind')}
          render={(r: Row) => t(`otr.licenses.kinds.${r.kind}`, { _: String(r.kind) })}
        />
        <FunctionField label={label('request', 'details')} render={(r: Row) => <Facts data={r.request} />} />
        <FunctionField
          label={label('request', 'status')}
          render={(r: Row) => <StatusChip status={r.status as string} />}
        />
        <TextField source="reasons" label={label('request', 'reasons')} emptyText="" />
        <DateField source="createdAt" label={label('request', 'createdAt')} showTime />
        <DateField source="decidedAt" label={label('request', 'decidedAt')} showTime emptyText="" />
      </Datagrid>
    </ArrayField>
  );
};

/** The append-only action log, oldest first. */
const ActionsGrid = () => {
  const t = useTranslate();
  return (
    <ArrayField source="log" label={false}>
      <Datagrid {...grid}>
        <NumberField source="seq" label={label('action', 'seq')} />
        <DateField source="at" label={label('action', 'at')} showTime />
        <FunctionField
          label={label('action', 'type')}
          render={(r: Row) => t(`otr.licenses.actions.${r.type}`, { _: String(r.type) })}
        />
        <TextField source="actorId" label={label('action', 'actorId')} />
        <FunctionField label={label('action', 'facts')} render={(r: Row) => <Facts data={r.data} />} />
      </Datagrid>
    </ArrayField>
  );
};

function Tabs() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="otr.licenses.tabs.profile">
        <TextField source="number" />
        <TextField source="institutionName" />
        <FunctionField source="status" render={(r: Row) => <StatusChip status={r.status as string} />} />
        <FunctionField
          source="category"
          render={(r: Row) => t(`otr.categories.${r.category}`, { _: String(r.category) })}
        />
        <FunctionField
          source="district"
          render={(r: Row) => jurisdictionName(r.district as string, locale)}
        />
        <FunctionField
          source="competentDepartment"
          render={(r: Row) =>
            t(`otr.departments.${r.competentDepartment}`, { _: String(r.competentDepartment) })
          }
        />
        <TextField source="validFrom" />
        <TextField source="validUntil" />
        <TextField source="profile.address" label="resources.licenses.fields.address" />
        <TextField
          source="profile.legalRepresentative"
          label="resources.licenses.fields.legalRepresentative"
        />
        <FunctionField
          label="resources.licenses.fields.scopes"
          render={(r: { profile?: { scopes?: string[] } }) => (
            <Codes codes={r.profile?.scopes} prefix="otr.scopes" />
          )}
        />
        <NumberField source="profile.maxClassSize" label="resources.licenses.fields.maxClassSize" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="otr.licenses.tabs.courses" path="courses">
        <CoursesGrid />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="otr.licenses.tabs.staff" path="staff">
        <StaffGrid />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="otr.licenses.tabs.requests" path="requests">
        <RequestsGrid />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="otr.licenses.tabs.actions" path="actions">
        <ActionsGrid />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
}

/** One license's file: the profile, its filings, requests and the action log, with the commands the role may give. */
export const LicenseShow = () => (
  <Show>
    <LicenseCommands />
    <Tabs />
  </Show>
);
