import { Create, SimpleForm } from 'react-admin';
import { ApplicationInputs } from './ApplicationInputs';

/**
 * The operator's license application (办学许可申请). The registration service checks every rule
 * and its refusals land next to the inputs they name.
 */
export const ApplicationCreate = () => (
  <Create redirect="show">
    <SimpleForm
      defaultValues={{ scopes: ['offline'], ageGroups: ['primary'], venue: { fireSafetyAccepted: false } }}
    >
      <ApplicationInputs />
    </SimpleForm>
  </Create>
);
