import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  minLength,
  regex,
} from 'react-admin';

/** The command dialogs' inputs; each `…Fields` lists the form fields a refusal can name. */
const label = (name: string) => `otr.fees.inputs.${name}`;

export const NoteInput = () => (
  <TextInput
    source="note"
    label={label('note')}
    multiline
    minRows={3}
    validate={[required(), minLength(2)]}
  />
);
export const noteFields = ['note'] as const;

export const ReasonInput = () => (
  <TextInput
    source="reason"
    label={label('reason')}
    multiline
    minRows={3}
    validate={[required(), minLength(2)]}
  />
);
export const reasonFields = ['reason'] as const;

export const LessonInputs = () => (
  <>
    <DateInput source="date" label={label('date')} validate={required()} />
    <TextInput
      source="start"
      label={label('start')}
      validate={[required(), regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')]}
    />
    <NumberInput source="durationMinutes" label={label('durationMinutes')} min={1} validate={required()} />
    <SelectInput
      source="mode"
      label={label('mode')}
      choices={[
        { id: 'offline', name: 'otr.scopes.offline' },
        { id: 'online', name: 'otr.scopes.online' },
      ]}
      validate={required()}
    />
    <NumberInput source="hours" label={label('hours')} min={1} validate={required()} />
    <NumberInput source="students" label={label('students')} min={1} validate={required()} />
  </>
);
export const lessonFields = ['date', 'start', 'durationMinutes', 'mode', 'hours', 'students'] as const;

/** A supervised account picked by name (the service searches with `q`). */
export const InstitutionInput = ({ optional = false }: { optional?: boolean }) => (
  <ReferenceInput source="institutionId" reference="fee-accounts">
    <AutocompleteInput
      label={optional ? label('institutionId') : 'resources.fee-accounts.fields.institutionId'}
      optionText="institutionName"
      filterToQuery={(q) => ({ q })}
      validate={optional ? undefined : required()}
    />
  </ReferenceInput>
);

export const ReconcileInputs = () => (
  <>
    <DateInput source="date" label={label('date')} validate={required()} />
    <InstitutionInput optional />
  </>
);
export const reconcileFields = ['date', 'institutionId'] as const;

export const ClosureInputs = () => (
  <>
    <InstitutionInput />
    <ReasonInput />
  </>
);
export const closureFields = ['institutionId', 'reason'] as const;
