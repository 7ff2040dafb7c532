import BlockIcon from '@mui/icons-material/Block';
import { Typography } from '@mui/material';
import {
  BooleanInput,
  FormDataConsumer,
  FunctionField,
  maxLength,
  minLength,
  required,
  SelectInput,
  TextField,
  TextInput,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { beijingToday, BLACKLIST_STATUSES, removable } from './inspection-file';
import { choicesOf, Column, EnforcementList, RecordFile, enforcementResource, statusFilters } from './ui';

const R = 'blacklist';
const words = 'otr.inspection';

interface Entry {
  id: string;
  subject: { name: string; district: string; address?: string };
  creditCode?: string;
  legalRepresentative?: string;
  reason: string;
  source: { kind: string };
  decisionNumber: string;
  listedOn: string;
  removableOn: string;
  trainingBan: boolean;
  status: string;
  removal?: { on: string; by: string; reason: string };
}

const reason = [required(), minLength(2), maxLength(2000)];
const field = (name: string) => `resources.${R}.fields.${name}`;

/** An entry on the approver's decision: from a decided penalty, or an institution with its decision number. */
function AddEntry() {
  const dataProvider = useDataProvider();
  return (
    <CommandButton
      resource={R}
      access="create"
      label={`${words}.commands.blacklist`}
      variant="contained"
      color="error"
      defaultValues={{ basis: 'penalty', trainingBan: true }}
      inputs={
        <>
          <SelectInput
            source="basis"
            label={field('source')}
            choices={choicesOf(['penalty', 'decision'], `${words}.sources`)}
            validate={required()}
          />
          <FormDataConsumer<{ basis?: string }>>
            {({ formData }) =>
              formData.basis === 'penalty' ? (
                <TextInput source="penaltyId" label={field('penaltyId')} validate={required()} />
              ) : (
                <>
                  <TextInput source="institutionId" label={field('institutionId')} validate={required()} />
                  <TextInput
                    source="decisionNumber"
                    label={field('decisionNumber')}
                    validate={[required(), minLength(2)]}
                  />
                </>
              )
            }
          </FormDataConsumer>
          <TextInput source="reason" label={field('reason')} multiline minRows={2} validate={reason} />
          <TextInput
            source="removableOn"
            type="date"
            label={field('removableOn')}
            helperText={`${words}.hints.removableOn`}
          />
          <TextInput source="creditCode" label={field('creditCode')} validate={maxLength(18)} />
          <TextInput
            source="legalRepresentative"
            label={field('legalRepresentative')}
            validate={maxLength(50)}
          />
          <BooleanInput source="trainingBan" label={field('trainingBan')} />
        </>
      }
      fields={[
        'penaltyId',
        'institutionId',
        'decisionNumber',
        'reason',
        'removableOn',
        'creditCode',
        'legalRepresentative',
      ]}
      send={({ basis, penaltyId, institutionId, decisionNumber, ...rest }) => {
        const data = Object.fromEntries(
          Object.entries(rest).filter(([, v]) => v !== '' && v !== null && v !== undefined),
        );
        return dataProvider.create(R, {
          data: basis === 'penalty' ? { ...data, penaltyId } : { ...data, institutionId, decisionNumber },
        });
      }}
    />
  );
}

export function BlacklistList() {
  const t = useTranslate();
  return (
    <EnforcementList<Entry>
      filters={statusFilters(BLACKLIST_STATUSES)}
      commands={<AddEntry />}
      secondary={(r) => `${r.decisionNumber} · ${r.listedOn}`}
    >
      <TextField source="decisionNumber" sortable={false} />
      <TextField source="reason" sortable={false} />
      <TextField source="listedOn" sortable={false} />
      <TextField source="removableOn" sortable={false} />
      <Column<Entry>
        source="trainingBan"
        render={(r) => t(r.trainingBan ? 'ra.boolean.true' : 'ra.boolean.false')}
      />
    </EnforcementList>
  );
}

/** Credit repair (信用修复): the entry comes off from its removal date, with a reason. */
function RemoveEntry() {
  const record = useRecordContext<Entry>();
  const t = useTranslate();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record || record.status !== 'listed') return null;
  if (!removable(record, beijingToday()))
    return (
      <Typography variant="body2" color="text.secondary">
        {t(`${words}.hints.notYetRemovable`, { date: record.removableOn })}
      </Typography>
    );
  return (
    <CommandButton
      resource={R}
      access="remove"
      label={`${words}.commands.unlist`}
      inputs={
        <TextInput source="reason" label={field('removalReason')} multiline minRows={2} validate={reason} />
      }
      fields={['reason']}
      send={(v) => dataProvider.command(R, record.id, 'remove', v)}
    />
  );
}

function EntryFile() {
  const t = useTranslate();
  const record = useRecordContext<Entry>();
  if (!record) return null;
  return (
    <RecordFile<Entry> commands={<RemoveEntry />}>
      <TextField source="decisionNumber" />
      <FunctionField<Entry>
        source="source"
        render={(r) => t(`${words}.sources.${r.source.kind}`, { _: r.source.kind })}
      />
      <TextField source="reason" sx={{ whiteSpace: 'pre-wrap' }} />
      <TextField source="creditCode" emptyText="—" />
      <TextField source="legalRepresentative" emptyText="—" />
      <TextField source="listedOn" />
      <TextField source="removableOn" />
      <FunctionField<Entry>
        source="trainingBan"
        render={(r) => t(r.trainingBan ? 'ra.boolean.true' : 'ra.boolean.false')}
      />
      {record.removal && (
        <FunctionField<Entry>
          source="removal"
          render={(r) => `${r.removal?.on} · ${r.removal?.by} · ${r.removal?.reason}`}
        />
      )}
    </RecordFile>
  );
}

export const blacklist = enforcementResource({
  name: R,
  list: BlacklistList,
  file: EntryFile,
  icon: BlockIcon,
});
