import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { exporterFor } from '../providers/csv-exporter';

const districts = ['SC', 'GS', 'XH', 'BJ', 'XS', 'YH', 'LP', 'QT', 'FY', 'LA', 'TL', 'CA', 'JD'].map((d) => ({
  id: `CN-ZJ-HZ-${d}`,
  name: `CN-ZJ-HZ-${d}`,
}));

function TimelineLink() {
  const record = useRecordContext();
  const t = useTranslate();
  return record ? (
    <Link to={`/timeline?filter=${encodeURIComponent(JSON.stringify({ institutionId: record.id }))}`}>
      {t('otr.actions.timeline')}
    </Link>
  ) : null;
}

/** The directory as officials see it, with a way into each institution's timeline. */
export const InstitutionList = () => {
  const t = useTranslate();
  return (
    <List
      filters={[
        <TextInput key="q" source="q" alwaysOn />,
        <SelectInput key="district" source="district" choices={districts} alwaysOn />,
      ]}
      exporter={exporterFor('institutions')}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField source="category" render={(r) => t(`otr.categories.${r.category}`)} />
        <TextField source="district" />
        <TextField source="licenseNumber" />
        <FunctionField source="licenseStatus" render={(r) => t(`otr.statuses.${r.licenseStatus}`)} />
        <TextField source="validUntil" />
        <TimelineLink />
      </Datagrid>
    </List>
  );
};
