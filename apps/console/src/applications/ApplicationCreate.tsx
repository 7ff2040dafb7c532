import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useLocaleState,
} from 'react-admin';
import { districtChoices } from '../i18n/jurisdictions';

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

/**
 * The operator's license application (办学许可申请): the institution, its venue, staff with their
 * certificates and courses with hours and fees. The registration service checks every rule and
 * its refusals land next to the inputs they name.
 */
export const ApplicationCreate = () => {
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{ scopes: ['offline'], ageGroups: ['primary'], venue: { fireSafetyAccepted: false } }}
      >
        <TextInput source="institutionName" validate={required()} fullWidth />
        <SelectInput
          source="legalForm"
          choices={choices('otr.legalForms', ['non-profit', 'for-profit'])}
          validate={required()}
        />
        <SelectInput
          source="category"
          choices={choices('otr.categories', CATEGORIES)}
          validate={required()}
        />
        <CheckboxGroupInput source="scopes" choices={choices('otr.scopes', ['offline', 'online'])} />
        <SelectInput source="district" choices={districtChoices(locale)} validate={required()} />
        <TextInput source="address" validate={required()} fullWidth />
        <NumberInput source="venue.area" label="otr.application.venueArea" validate={required()} />
        <NumberInput source="venue.maxClassSize" label="otr.application.maxClassSize" validate={required()} />
        <BooleanInput source="venue.fireSafetyAccepted" label="otr.application.fireSafetyAccepted" />
        <TextInput
          source="legalRepresentative"
          label="otr.application.legalRepresentative"
          validate={required()}
        />
        <CheckboxGroupInput
          source="ageGroups"
          label="otr.application.ageGroups"
          choices={choices('otr.application.grades', ['preschool', ...GRADES])}
        />
        <ArrayInput source="staff" label="otr.application.staff">
          <SimpleFormIterator inline>
            <TextInput source="name" label="otr.application.staffName" />
            <TextInput source="idNumber" label="otr.application.idNumber" />
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
        <ArrayInput source="courses" label="otr.application.courses">
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
      </SimpleForm>
    </Create>
  );
};
