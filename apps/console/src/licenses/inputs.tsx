import {
  DateInput,
  FormDataConsumer,
  maxLength,
  minLength,
  minValue,
  NumberInput,
  regex,
  required,
  SelectArrayInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { CERTIFICATE_KINDS, fenToYuan, GRADE_LEVELS, SCOPES, yuanToFen } from './license-file';

/**
 * The inputs of each license command, with the field paths the service names in its refusals.
 * The checks here only spare a round trip; the service checks again and cites its rules.
 */
const field = (group: string, name: string) => `resources.licenses.fields.${group}.${name}`;
const choices = (ids: readonly string[], prefix: string) =>
  ids.map((id) => ({ id, name: `${prefix}.${id}` }));
const reason = [required(), minLength(2), maxLength(1000)];

export const decisionFields = ['reason', 'decision'] as const;
export const DecisionInputs = () => (
  <>
    <TextInput source="reason" label="otr.licenses.reason" multiline minRows={2} validate={reason} />
    <TextInput source="decision" label="otr.licenses.decision" validate={maxLength(100)} />
  </>
);

export const reasonFields = ['reason'] as const;
export const ReasonInput = () => (
  <TextInput source="reason" label="otr.licenses.reason" multiline minRows={2} validate={reason} />
);

export const renewalFields = ['validUntil'] as const;
export const RenewalInputs = () => (
  <DateInput source="validUntil" label="otr.licenses.newValidUntil" validate={required()} />
);

export const courseFields = [
  'name',
  'subject',
  'mode',
  'gradeLevels',
  'outline',
  'totalHours',
  'lessonMinutes',
  'maxClassSize',
  'priceFen',
] as const;
export const CourseInputs = () => (
  <>
    <TextInput source="name" label={field('course', 'name')} validate={[required(), minLength(2)]} />
    <TextInput source="subject" label={field('course', 'subject')} validate={required()} />
    <SelectInput
      source="mode"
      label={field('course', 'mode')}
      choices={choices(SCOPES, 'otr.scopes')}
      validate={required()}
    />
    <SelectArrayInput
      source="gradeLevels"
      label={field('course', 'gradeLevels')}
      choices={choices(GRADE_LEVELS, 'otr.licenses.gradeLevels')}
      validate={required()}
    />
    <TextInput
      source="outline"
      label={field('course', 'outline')}
      multiline
      minRows={3}
      validate={[required(), minLength(10)]}
    />
    <NumberInput
      source="totalHours"
      label={field('course', 'totalHours')}
      validate={[required(), minValue(1)]}
    />
    <NumberInput
      source="lessonMinutes"
      label={field('course', 'lessonMinutes')}
      validate={[required(), minValue(1)]}
    />
    <NumberInput
      source="maxClassSize"
      label={field('course', 'maxClassSize')}
      validate={[required(), minValue(1)]}
    />
    <NumberInput
      source="priceFen"
      label={field('course', 'priceFen')}
      helperText="otr.licenses.hints.price"
      format={(fen) => fenToYuan(fen)}
      parse={(yuan) => yuanToFen(yuan)}
      validate={[required(), minValue(0)]}
    />
  </>
);

export const staffFields = [
  'name',
  'idNumber',
  'role',
  'subject',
  'certificate.kind',
  'certificate.number',
  'certificate.subject',
] as const;
export const StaffInputs = () => (
  <>
    <TextInput source="name" label={field('staff', 'name')} validate={[required(), minLength(2)]} />
    <TextInput
      source="idNumber"
      label={field('staff', 'idNumber')}
      validate={[required(), regex(/^\d{17}[\dXx]$/, '18 位身份证号 / 18-character ID number')]}
    />
    <SelectInput
      source="role"
      label={field('staff', 'role')}
      choices={choices(['teacher', 'other'], 'otr.licenses.staffRoles')}
      validate={required()}
    />
    <FormDataConsumer>
      {({ formData }) =>
        formData.role === 'teacher' && (
          <>
            <TextInput source="subject" label={field('staff', 'subject')} />
            <SelectInput
              source="certificate.kind"
              label={field('staff', 'certificateKind')}
              choices={choices(CERTIFICATE_KINDS, 'otr.licenses.certificates')}
            />
            <TextInput source="certificate.number" label={field('staff', 'certificateNumber')} />
            <TextInput source="certificate.subject" label={field('staff', 'certificateSubject')} />
          </>
        )
      }
    </FormDataConsumer>
  </>
);

export const changeFields = ['institutionName', 'address', 'legalRepresentative', 'scopes'] as const;
export const ChangeInputs = () => (
  <>
    <TextInput source="institutionName" label="resources.licenses.fields.institutionName" />
    <TextInput source="address" label="resources.licenses.fields.address" />
    <TextInput source="legalRepresentative" label="resources.licenses.fields.legalRepresentative" />
    <SelectArrayInput
      source="scopes"
      label="resources.licenses.fields.scopes"
      choices={choices(SCOPES, 'otr.scopes')}
    />
  </>
);

export const closureFields = ['closesOn', 'reason'] as const;
export const ClosureInputs = () => (
  <>
    <DateInput source="closesOn" label="otr.licenses.closesOn" validate={required()} />
    <ReasonInput />
  </>
);
