import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateTimeInput,
  FormDataConsumer,
  HttpError,
  maxLength,
  RadioButtonGroupInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useCreate,
  useLocaleState,
  useNotify,
  useRedirect,
} from 'react-admin';
import { districtChoices } from '../i18n/jurisdictions';
import { problemsOf } from '../providers/problems';
import { CATEGORIES, KINDS, RECORDED_CHANNELS, RECORD_FIELDS, recordedComplaintBody } from './complaint-file';

const field = (name: string) => `resources.complaints.fields.${name}`;
const choices = (ids: readonly string[], group: string) =>
  ids.map((id) => ({ id, name: `otr.complaints.${group}.${id}` }));
const text = (max: number) => [required(), maxLength(max)];

/** The institution complained about: a licensed one found by name or number, or an unlicensed operator. */
function Subject() {
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <FormDataConsumer<{ subjectKind?: string }>>
      {({ formData }) =>
        formData.subjectKind === 'unlicensed' ? (
          <>
            <TextInput source="subject.name" label={field('subject.name')} validate={text(200)} />
            <TextInput source="subject.address" label={field('subject.address')} validate={text(300)} />
            <TextInput
              source="subject.activity"
              label={field('subject.activity')}
              multiline
              validate={text(500)}
            />
            <SelectInput
              source="subject.district"
              label={field('subject.district')}
              choices={districtChoices(locale)}
              translateChoice={false}
              validate={required()}
            />
          </>
        ) : (
          <ReferenceInput source="subject.licenseId" reference="licenses">
            <AutocompleteInput
              label={field('subject.licenseId')}
              helperText="otr.complaints.record.licenseHint"
              filterToQuery={(q) => ({ q })}
              validate={required()}
            />
          </ReferenceInput>
        )
      }
    </FormDataConsumer>
  );
}

/** The caller's name and phone, unless the tip is anonymous (then there is nobody to call back). */
const Contact = () => (
  <>
    <BooleanInput source="anonymous" label="otr.complaints.record.anonymous" />
    <FormDataConsumer<{ anonymous?: boolean }>>
      {({ formData }) =>
        !formData.anonymous && (
          <>
            <TextInput source="contact.name" label={field('contact.name')} validate={text(50)} />
            <TextInput
              source="contact.phone"
              label={field('contact.phone')}
              validate={[required(), regex(/^\+?[\d\s-]{7,20}$/)]}
            />
          </>
        )
      }
    </FormDataConsumer>
  </>
);

/**
 * An official records a hotline call or a 12345 work order. The receipt's tracking number and
 * access code are shown once, for the caller; then the new complaint opens.
 */
export function ComplaintCreate() {
  const [create] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  const save = async (values: Record<string, unknown>) => {
    try {
      const receipt = await create(
        'complaints',
        { data: recordedComplaintBody(values) },
        { returnPromise: true },
      );
      notify('otr.complaints.record.receipt', {
        type: 'success',
        messageArgs: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
        autoHideDuration: null,
      });
      redirect('show', 'complaints', receipt.id);
    } catch (e) {
      const problems = problemsOf((e as HttpError).body, RECORD_FIELDS, (e as Error).message);
      if (problems.general.length) notify(problems.general.join('；'), { type: 'error' });
      return problems.fields;
    }
  };
  return (
    <Create>
      <SimpleForm
        onSubmit={save}
        defaultValues={{ channel: 'console', kind: 'complaint', subjectKind: 'licensed', anonymous: false }}
        sx={{ maxWidth: 640, '& .MuiFormControl-root': { width: '100%' } }}
      >
        <RadioButtonGroupInput
          source="channel"
          label={field('channel')}
          choices={choices(RECORDED_CHANNELS, 'channels')}
        />
        <DateTimeInput source="receivedAt" label={field('receivedAt')} />
        <SelectInput
          source="kind"
          label={field('kind')}
          choices={choices(KINDS, 'kinds')}
          validate={required()}
        />
        <SelectInput
          source="category"
          label={field('category')}
          choices={choices(CATEGORIES, 'categories')}
          validate={required()}
        />
        <RadioButtonGroupInput
          source="subjectKind"
          label={field('subjectKind')}
          choices={choices(['licensed', 'unlicensed'], 'subjectKinds')}
        />
        <Subject />
        <TextInput
          source="description"
          label={field('description')}
          multiline
          minRows={4}
          validate={text(4000)}
        />
        <Contact />
      </SimpleForm>
    </Create>
  );
}
