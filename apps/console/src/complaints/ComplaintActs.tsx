import { Stack } from '@mui/material';
import {
  BooleanInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton, CommandButtonProps } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import type { SessionUser } from '../providers/session';
import {
  actBody,
  ComplaintAct,
  ComplaintRecord,
  offeredActs,
  transferTargets,
  unitOf,
} from './complaint-file';
import { unitLabel } from './unit-label';

type Spec = Pick<CommandButtonProps, 'hint' | 'inputs' | 'fields' | 'variant' | 'color' | 'defaultValues'>;

const label = (name: string) => `otr.complaints.inputs.${name}`;
const text = [required(), maxLength(4000)];
const Text = ({ source, rows = 3 }: { source: string; rows?: number }) => (
  <TextInput source={source} label={label(source)} multiline minRows={rows} validate={text} />
);
const Reason = () => <Text source="reason" rows={2} />;
const WorkingDays = ({ max = 60 }: { max?: number }) => (
  <NumberInput
    source="workingDays"
    label={label('workingDays')}
    validate={[required(), minValue(1), maxValue(max)]}
  />
);

function TransferTo({ complaint }: { complaint: ComplaintRecord }) {
  const t = useTranslate();
  return (
    <SelectInput
      source="to"
      label={label('to')}
      choices={transferTargets(complaint).map((id) => ({ id, name: unitLabel(t, unitOf(id)) }))}
      translateChoice={false}
      validate={required()}
    />
  );
}

/** An earlier complaint in the same district to fold this one into (the service checks the subject). */
const MergeInto = ({ complaint }: { complaint: ComplaintRecord }) => (
  <ReferenceInput
    source="into"
    reference="complaints"
    filter={{ district: complaint.subject?.district }}
    perPage={100}
  >
    <SelectInput
      label={label('into')}
      optionText={(r: ComplaintRecord & { subjectName: string }) => `${r.trackingNumber} · ${r.subjectName}`}
      validate={required()}
    />
  </ReferenceInput>
);

const Rating = () => (
  <>
    <RadioButtonGroupInput
      source="satisfied"
      label={label('satisfied')}
      choices={[
        { id: 'yes', name: label('yes') },
        { id: 'no', name: label('no') },
      ]}
      validate={required()}
    />
    <TextInput source="comment" label={label('comment')} validate={maxLength(1000)} />
  </>
);

/** Each act's dialog: its inputs (named as the service names its fields), hint and emphasis. */
function specs(c: ComplaintRecord): Record<ComplaintAct, Spec> {
  const hint = (act: ComplaintAct) => `otr.complaints.hints.${act}`;
  const reason: Spec = { inputs: <Reason />, fields: ['reason'] };
  return {
    sign: { hint: hint('sign'), variant: 'contained' },
    'accept-transfer': { hint: hint('accept-transfer'), variant: 'contained' },
    'refuse-transfer': { ...reason, color: 'warning' },
    note: { inputs: <Text source="note" />, fields: ['note'] },
    reply: {
      inputs: <Text source="reply" rows={5} />,
      fields: ['reply'],
      hint: hint('reply'),
      variant: 'contained',
    },
    'request-extension': {
      inputs: (
        <>
          <WorkingDays />
          <Reason />
        </>
      ),
      fields: ['workingDays', 'reason'],
      hint: hint('request-extension'),
    },
    transfer: {
      inputs: (
        <>
          <TransferTo complaint={c} />
          <Reason />
        </>
      ),
      fields: ['to', 'to.department', 'reason'],
      hint: hint('transfer'),
    },
    merge: { inputs: <MergeInto complaint={c} />, fields: ['into'], hint: hint('merge') },
    approve: { hint: hint('approve'), variant: 'contained', color: 'success' },
    'send-back': { ...reason, color: 'warning' },
    'grant-extension': {
      inputs: <WorkingDays max={c.pendingExtension?.workingDays} />,
      fields: ['workingDays', 'grantWorkingDays'],
      defaultValues: { workingDays: c.pendingExtension?.workingDays },
      variant: 'contained',
    },
    'refuse-extension': { ...reason, color: 'warning' },
    'call-back': {
      inputs: (
        <>
          <BooleanInput source="reached" label={label('reached')} />
          <TextInput source="note" label={label('note')} multiline minRows={2} validate={maxLength(4000)} />
        </>
      ),
      fields: ['reached', 'note'],
      defaultValues: { reached: true },
    },
    rate: { inputs: <Rating />, fields: ['satisfied', 'comment'], hint: hint('rate') },
    'institution-reply': {
      inputs: <Text source="reply" rows={5} />,
      fields: ['reply'],
      hint: hint('institution-reply'),
      variant: 'contained',
    },
  };
}

/** The acts the user's role and the complaint's state allow, as buttons opening their dialogs. */
export function ComplaintActs() {
  const complaint = useRecordContext<ComplaintRecord>();
  const { permissions: me } = usePermissions<SessionUser | null>();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!complaint || !me) return null;
  const acts = offeredActs(complaint, me);
  if (!acts.length) return null;
  const all = specs(complaint);
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ my: 1, flexWrap: 'wrap', rowGap: 1 }}
      data-testid="complaint-acts"
    >
      {acts.map((act) => (
        <CommandButton
          key={act}
          resource="complaints"
          access={act === 'institution-reply' ? 'institutionReply' : 'act'}
          label={`otr.complaints.acts.${act}`}
          send={(values) => dataProvider.command('complaints', complaint.id, act, actBody(act, values))}
          {...all[act]}
        />
      ))}
    </Stack>
  );
}
