import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { districtChoices } from '../i18n/jurisdictions';
import type { StaffRow } from './application-file';

const choices = (prefix: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, name: `${prefix}.${id}` }));
const CATEGORIES = ['subject', 'sports', 'arts', 'science-tech'] as const;
const CERTIFICATES = [
  'teacher-qualification',
  'sports-coach',
  'arts-professional',
  'science-professional',
] as const;
const GRADES = ['primary', 'junior-secondary', 'senior-secondary', 'adult'] as const;

/** A staff member's identity number: on a correction, one already filed may stay blank. */
function IdNumberInput({ resubmission }: { resubmission: boolean }) {
  const t = useTranslate();
  if (!resubmission) return <TextInput source="idNumber" label="otr.application.idNumber" />;
  return (
    <FormDataConsumer<StaffRow>>
      {({ scopedFormData }) => (
        <TextInput
          source="idNumber"
          label="otr.application.idNumber"
          helperText={
            scopedFormData?.idNumberMasked
              ? t('otr.correction.keepIdNumber', { masked: scopedFormData.idNumberMasked })
              : false
          }
        />
      )}
    </FormDataConsumer>
  );
}

/**
 * The inputs of a license application (办学许可申请): the institution, its venue, staff with
 * their certificates and courses with hours and fees. `notes` puts a returned item's reason
 * under its input (补正事项); `resubmission` lets filed identity numbers stay blank.
 */
export function ApplicationInputs({
  notes = {},
  resubmission = false,
}: {
  notes?: Record<string, string>;
  resubmission?: boolean;
}) {
  const [locale = 'zh-CN'] = useLocaleState();
  const note = (field: string) => (notes[field] ? { helperText: notes[field] } : {});
  return (
    <>
      <TextInput source="institutionName" validate={required()} fullWidth {...note('institutionName')} />
      <SelectInput
        source="legalForm"
        choices={choices('otr.legalForms', ['non-profit', 'for-profit'])}
        validate={required()}
        {...note('legalForm')}
      />
      <SelectInput
        source="category"
        choices={choices('otr.categories', CATEGORIES)}
        validate={required()}
        {...note('category')}
      />
      <CheckboxGroupInput
        source="scopes"
        choices={choices('otr.scopes', ['offline', 'online'])}
        {...note('scopes')}
      />
      <SelectInput
        source="district"
        choices={districtChoices(locale)}
        validate={required()}
        {...note('district')}
      />
      <TextInput source="address" validate={required()} fullWidth {...note('address')} />
      <NumberInput
        source="venue.area"
        label="otr.application.venueArea"
        validate={required()}
        {...note('venue.area')}
      />
      <NumberInput
        source="venue.maxClassSize"
        label="otr.application.maxClassSize"
        validate={required()}
        {...note('venue.maxClassSize')}
      />
      <BooleanInput
        source="venue.fireSafetyAccepted"
        label="otr.application.fireSafetyAccepted"
        {...note('venue.fireSafetyAccepted')}
      />
      <TextInput
        source="legalRepresentative"
        label="otr.application.legalRepresentative"
        validate={required()}
        {...note('legalRepresentative')}
      />
      <CheckboxGroupInput
        source="ageGroups"
        label="otr.application.ageGroups"
        choices={choices('otr.application.grades', ['preschool', ...GRADES])}
        {...note('ageGroups')}
      />
      <ArrayInput source="staff" label="otr.application.staff" {...note('staff')}>
        <SimpleFormIterator inline>
          <TextInput source="name" label="otr.application.staffName" />
          <IdNumberInput resubmission={resubmission} />
          <SelectInput
            source="role"
            label="otr.application.role"
            choices={choices('otr.application.roles', ['teacher', 'other'])}
          />
          <TextInput source="subject" label="otr.application.subject" />
          <SelectInput
            source="certificate.kind"
            label="otr.application.certificate"
            choices={choices('otr.application.certificates', CERTIFICATES)}
          />
          <TextInput source="certificate.number" label="otr.application.certificateNumber" />
          <TextInput source="certificate.subject" label="otr.application.certificateSubject" />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="courses" label="otr.application.courses" {...note('courses')}>
        <SimpleFormIterator inline>
          <TextInput source="name" label="otr.application.courseName" />
          <TextInput source="subject" label="otr.application.subject" />
          <SelectInput
            source="mode"
            label="otr.application.mode"
            choices={choices('otr.scopes', ['offline', 'online'])}
          />
          <CheckboxGroupInput
            source="gradeLevels"
            label="otr.application.ageGroups"
            choices={choices('otr.application.grades', GRADES)}
          />
          <TextInput source="outline" label="otr.application.outline" multiline />
          <NumberInput source="totalHours" label="otr.application.totalHours" />
          <NumberInput source="lessonMinutes" label="otr.application.lessonMinutes" />
          <NumberInput source="maxClassSize" label="otr.application.maxClassSize" />
          <NumberInput source="priceFen" label="otr.application.priceFen" />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
