import GavelIcon from '@mui/icons-material/Gavel';
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import {
  CanAccess,
  Datagrid,
  DateField,
  downloadCSV,
  FunctionField,
  List,
  ResourceProps,
  TextField,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import { gridSx } from '../layout/ListActions';
import { endpointOf } from '../providers/resources';
import type { OtrDataProvider } from '../providers/data-provider';
import { apiFetch } from '../providers/session';
import { withFeesData } from './fees-data';
import { closureBody, closurePercent } from './fees-file';
import { ClosureInputs, closureFields } from './inputs';
import { FeeStatusField, InstitutionField, RowCommands, RowCommandSpec, YuanField } from './shared';

type Closure = {
  id: string;
  institutionId: string;
  status: string;
  reason: string;
  families: number;
  claims: number;
  claimsPaid: number;
  totalFen: number;
  paidFen: number;
  escrowFen: number;
};

function Toolbar() {
  const dataProvider = useDataProvider<OtrDataProvider>();
  return (
    <TopToolbar>
      <CommandButton
        resource="fee-closures"
        access="startClosure"
        label="otr.fees.commands.startClosure"
        hint="otr.fees.hints.startClosure"
        variant="contained"
        color="error"
        inputs={<ClosureInputs />}
        fields={closureFields}
        send={(values) => dataProvider.create('fee-closures', { data: closureBody(values) })}
      />
    </TopToolbar>
  );
}

const Progress = () => {
  const t = useTranslate();
  const r = useRecordContext<Closure>();
  if (!r) return null;
  const percent = closurePercent(r);
  return (
    <Box sx={{ minWidth: 200 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent === 100 ? 'success' : 'primary'}
        aria-label={t('resources.fee-closures.fields.progress')}
      />
      <Typography variant="caption">
        {t('otr.fees.closure.progress', { paid: r.claimsPaid, claims: r.claims, percent })}
      </Typography>
    </Box>
  );
};

/** The creditor list (债权人清单) as the service writes it: one line per family and order, phones masked. */
function CreditorsButton() {
  const t = useTranslate();
  const notify = useNotify();
  const r = useRecordContext<Closure>();
  if (!r) return null;
  const download = async () => {
    const url = `${endpointOf('fee-closures').url}/${encodeURIComponent(r.institutionId)}/creditors.csv`;
    const res = await apiFetch(url);
    if (!res.ok) {
      notify('otr.fees.downloadFailed', { type: 'error', messageArgs: { message: res.statusText } });
      return;
    }
    downloadCSV(await res.text(), `creditors-${r.institutionId}`);
  };
  return (
    <CanAccess resource="fee-closures" action="export">
      <Button size="small" onClick={download}>
        {t('otr.fees.commands.creditors')}
      </Button>
    </CanAccess>
  );
}

const COMMANDS: RowCommandSpec[] = [{ command: 'runRefunds', path: 'refunds/run', variant: 'contained' }];

const ClosureActions = () => (
  <Stack direction="row" spacing={1}>
    <RowCommands resource="fee-closures" specs={COMMANDS} />
    <CreditorsButton />
  </Stack>
);

/**
 * The closure playbook (停办/吊销处置): frozen accounts, each family's refundable balance as a
 * claim, the bulk refund's progress, and the creditor list. Without closures yet the list stays
 * (empty), so its toolbar can start the first one.
 */
const ClosureList = () => (
  <List actions={<Toolbar />} empty={false} exporter={false} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false} sx={gridSx}>
      <InstitutionField source="institutionId" />
      <TextField source="reason" sortable={false} />
      <FeeStatusField source="status" />
      <DateField source="startedAt" showTime sortable={false} />
      <TextField source="families" sortable={false} />
      <FunctionField source="progress" sortable={false} render={() => <Progress />} />
      <YuanField source="totalFen" />
      <YuanField source="paidFen" />
      <YuanField source="escrowFen" />
      <DateField source="completedAt" showTime sortable={false} emptyText="" />
      <ClosureActions />
    </Datagrid>
  </List>
);

export const feeClosures: ResourceProps = {
  name: 'fee-closures',
  list: withFeesData(ClosureList),
  icon: GavelIcon,
};
