import { Stack } from '@mui/material';
import { useDataProvider, useRecordContext } from 'react-admin';
import { CommandButton, CommandButtonProps } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import {
  ChangeInputs,
  changeFields,
  ClosureInputs,
  closureFields,
  CourseInputs,
  courseFields,
  DecisionInputs,
  decisionFields,
  RenewalInputs,
  renewalFields,
  StaffInputs,
  staffFields,
} from './inputs';
import {
  changeRequestBody,
  closureRequestBody,
  decisionBody,
  LicenseCommand,
  LicenseFile,
  offeredCommands,
  staffFilingBody,
} from './license-file';

type Values = Record<string, unknown>;
type Spec = Pick<CommandButtonProps, 'hint' | 'inputs' | 'fields' | 'variant' | 'color'> & {
  /** The service's path under /licenses/:id and the body it expects. */
  path: string;
  body: (values: Values) => unknown;
};

/** Each command on a license: where it goes, what it sends, the inputs it asks for. */
const COMMANDS: Record<LicenseCommand, Spec> = {
  suspend: {
    path: 'suspend',
    body: decisionBody,
    inputs: <DecisionInputs />,
    fields: decisionFields,
    hint: 'otr.licenses.hints.suspend',
    color: 'warning',
  },
  reinstate: { path: 'reinstate', body: decisionBody, inputs: <DecisionInputs />, fields: decisionFields },
  revoke: {
    path: 'revoke',
    body: decisionBody,
    inputs: <DecisionInputs />,
    fields: decisionFields,
    hint: 'otr.licenses.hints.revoke',
    color: 'error',
  },
  renew: {
    path: 'renew',
    body: (v) => ({ validUntil: v.validUntil }),
    inputs: <RenewalInputs />,
    fields: renewalFields,
  },
  fileCourse: {
    path: 'courses',
    body: (v) => v,
    inputs: <CourseInputs />,
    fields: courseFields,
    variant: 'contained',
  },
  fileStaff: {
    path: 'staff',
    body: staffFilingBody,
    inputs: <StaffInputs />,
    fields: staffFields,
    variant: 'contained',
  },
  requestChange: {
    path: 'requests',
    body: changeRequestBody,
    inputs: <ChangeInputs />,
    fields: changeFields,
    hint: 'otr.licenses.hints.change',
  },
  requestClosure: {
    path: 'requests',
    body: (v) => closureRequestBody(v as { closesOn?: string; reason?: string }),
    inputs: <ClosureInputs />,
    fields: closureFields,
    hint: 'otr.licenses.hints.closure',
    color: 'error',
  },
};

/** The approver's decisions, then the operator's filings and requests; each only where the service offers it. */
const ORDER: LicenseCommand[] = [
  'suspend',
  'reinstate',
  'renew',
  'revoke',
  'fileCourse',
  'fileStaff',
  'requestChange',
  'requestClosure',
];

export function LicenseCommands() {
  const record = useRecordContext<LicenseFile>();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', rowGap: 1 }}>
      {offeredCommands(ORDER, record).map((c) => {
        const { path, body, ...button } = COMMANDS[c];
        return (
          <CommandButton
            key={c}
            resource="licenses"
            access={c}
            label={`otr.licenses.commands.${c}`}
            send={(values) => dataProvider.command('licenses', String(record.id), path, body(values))}
            {...button}
          />
        );
      })}
    </Stack>
  );
}
