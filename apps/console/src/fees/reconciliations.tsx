import BalanceIcon from '@mui/icons-material/Balance';
import { Box, Typography } from '@mui/material';
import {
  CanAccess,
  Datagrid,
  DateField,
  ExportButton,
  List,
  ResourceProps,
  TextField,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import { gridSx } from '../layout/ListActions';
import type { OtrDataProvider } from '../providers/data-provider';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { beijingDay, daysBefore, RECONCILIATION_RESULTS, reconcileBody } from './fees-file';
import { ReconcileInputs, reconcileFields } from './inputs';
import { yuan } from './money';
import { FeeStatusField, InstitutionField, YuanField, statusExport, statusFilter } from './shared';

type Difference = { reference: string; bankFen: number | null; ledgerFen: number | null };
type Run = {
  id: string;
  institutionId: string;
  statementDate: string;
  bankBalanceFen: number;
  ledgerBalanceFen: number;
  result: string;
  differences: Difference[];
  ranAt: string;
};

const exportFields: ExportField<Run>[] = [
  { source: 'statementDate' },
  { source: 'institutionId' },
  { source: 'bankBalanceFen', render: (r) => yuan(r.bankBalanceFen) },
  { source: 'ledgerBalanceFen', render: (r) => yuan(r.ledgerBalanceFen) },
  statusExport('result'),
  { source: 'differences', render: (r) => r.differences?.length ?? 0 },
  { source: 'ranAt' },
];

const filters = [statusFilter('result', RECONCILIATION_RESULTS)];

/** Runs one day's statement (yesterday's by default) for one account or every account in the jurisdiction. */
function Toolbar() {
  const dataProvider = useDataProvider<OtrDataProvider>();
  return (
    <TopToolbar>
      <CommandButton
        resource="fee-reconciliations"
        access="reconcile"
        label="otr.fees.commands.reconcile"
        hint="otr.fees.hints.reconcile"
        variant="contained"
        inputs={<ReconcileInputs />}
        fields={reconcileFields}
        defaultValues={{ date: daysBefore(beijingDay(new Date()), 1) }}
        send={(values) => dataProvider.create('fee-reconciliations', { data: reconcileBody(values) })}
      />
      <CanAccess action="export">
        <ExportButton maxResults={2000} />
      </CanAccess>
    </TopToolbar>
  );
}

/** The mismatches of a run, line by line: the bank's amount against the ledger's. */
function Mismatches() {
  const t = useTranslate();
  const run = useRecordContext<Run>();
  if (!run?.differences?.length) return null;
  return (
    <Box sx={{ pl: 2 }}>
      <Typography variant="subtitle2">{t('resources.fee-reconciliations.fields.differences')}</Typography>
      {run.differences.map((d) => (
        <Typography key={d.reference} variant="body2" sx={{ fontFamily: 'monospace' }}>
          {t('otr.fees.difference', {
            reference: d.reference,
            bank: d.bankFen === null ? t('otr.fees.missing') : yuan(d.bankFen),
            ledger: d.ledgerFen === null ? t('otr.fees.missing') : yuan(d.ledgerFen),
          })}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * Daily statement reconciliation (对账) of the custodian bank against the ledger; a mismatch
 * expands. Without runs yet the list stays (empty), so its toolbar can start the first one.
 */
const ReconciliationList = () => (
  <List
    empty={false}
    filters={filters}
    actions={<Toolbar />}
    exporter={useCsvExporter('fee-reconciliations', exportFields)}
    sort={{ field: 'id', order: 'ASC' }}
  >
    <Datagrid
      bulkActionButtons={false}
      rowClick="expand"
      expand={<Mismatches />}
      isRowExpandable={(r) => (r as Run).differences?.length > 0}
      sx={gridSx}
    >
      <TextField source="statementDate" sortable={false} />
      <InstitutionField source="institutionId" />
      <YuanField source="bankBalanceFen" />
      <YuanField source="ledgerBalanceFen" />
      <FeeStatusField source="result" />
      <DateField source="ranAt" showTime sortable={false} />
    </Datagrid>
  </List>
);

export const feeReconciliations: ResourceProps = {
  name: 'fee-reconciliations',
  list: withFeesData(ReconciliationList),
  icon: BalanceIcon,
};
