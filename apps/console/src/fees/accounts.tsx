import { lazy, Suspense } from 'react';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Box, Button, Card, Chip, CardContent, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  Datagrid,
  FunctionField,
  List,
  ResourceProps,
  SearchInput,
  Show,
  SimpleList,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { jurisdictionName } from '../i18n/jurisdictions';
import { gridSx, ListActions } from '../layout/ListActions';
import { StatusChip } from '../layout/StatusChip';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { closurePercent } from './fees-file';
import { yuan } from './money';
import { CodeField, FlagField, YuanField } from './shared';

const EscrowChart = lazy(() => import('./EscrowChart'));

type Account = {
  id: string;
  institutionId: string;
  institutionName: string;
  licenseNumber: string;
  district: string;
  mode: string;
  license: string;
  enrollingStopped: boolean;
  escrowFen: number;
  releasedFen: number;
  familiesNetPaidFen: number;
  riskReserveFen: number;
};

const exportFields: ExportField<Account>[] = [
  { source: 'institutionName' },
  { source: 'licenseNumber' },
  { source: 'district', render: (r, _t, locale) => jurisdictionName(r.district, locale) },
  { source: 'mode', render: (r, t) => t(`otr.fees.modes.${r.mode}`, { _: r.mode }) },
  { source: 'license', render: (r, t) => t(`otr.fees.licenses.${r.license}`, { _: r.license }) },
  { source: 'enrollingStopped' },
  // Yuan with two decimals as text, so a spreadsheet keeps every fen.
  { source: 'escrowFen', render: (r) => yuan(r.escrowFen) },
  { source: 'releasedFen', render: (r) => yuan(r.releasedFen) },
  { source: 'familiesNetPaidFen', render: (r) => yuan(r.familiesNetPaidFen) },
  { source: 'riskReserveFen', render: (r) => yuan(r.riskReserveFen) },
];

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Supervised accounts in the supervisor's jurisdiction, with balances summed from the ledger. */
const AccountList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  const exporter = useCsvExporter('fee-accounts', exportFields);
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      exporter={exporter}
      sort={{ field: 'id', order: 'ASC' }}
    >
      {small ? (
        <SimpleList<Account>
          primaryText={(r) => r.institutionName}
          secondaryText={(r) => `${t('resources.fee-accounts.fields.escrowFen')} ${yuan(r.escrowFen)}`}
          tertiaryText={(r) => t(`otr.fees.licenses.${r.license}`, { _: r.license })}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx}>
          <TextField source="institutionName" sortable={false} />
          <TextField source="licenseNumber" sortable={false} />
          <FunctionField<Account>
            source="district"
            sortable={false}
            render={(r) => jurisdictionName(r.district, locale)}
          />
          <YuanField source="escrowFen" />
          <YuanField source="releasedFen" />
          <YuanField source="familiesNetPaidFen" />
          <YuanField source="riskReserveFen" />
          <CodeField source="mode" prefix="otr.fees.modes" />
          <FunctionField<Account>
            source="license"
            sortable={false}
            render={(r) => <StatusChip status={r.license} prefix="otr.fees.licenses" />}
          />
          <FlagField source="enrollingStopped" />
        </Datagrid>
      )}
    </List>
  );
};

type Detail = Account & {
  bankAccountNo: string;
  category: string;
  blacklisted: boolean;
  capacitySeats: number;
  balances: Record<string, number>;
  requiredReserveFen?: number;
  closure: { status: string; claims: number; claimsPaid: number; totalFen: number; paidFen: number } | null;
};

const BALANCES = ['escrow', 'settlement', 'family-clearing', 'refunds-payable', 'risk-reserve'] as const;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </Box>
  );
}

function AccountDetail() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const r = useRecordContext<Detail>();
  if (!r) return null;
  const field = (name: string) => t(`resources.fee-accounts.fields.${name}`);
  const filtered = (resource: string) =>
    `/${resource}?filter=${encodeURIComponent(JSON.stringify({ institutionId: r.institutionId }))}`;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Box>
        <Typography variant="h5">{r.institutionName}</Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          <StatusChip status={r.license} prefix="otr.fees.licenses" />
          <Typography variant="body2">
            {r.licenseNumber} · {jurisdictionName(r.district, locale)} ·{' '}
            {t(`otr.fees.modes.${r.mode}`, { _: r.mode })} · {field('bankAccountNo')} {r.bankAccountNo}
          </Typography>
          {r.enrollingStopped && <Chip size="small" color="warning" label={field('enrollingStopped')} />}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button size="small" component={Link} to={filtered('fee-orders')}>
            {t('otr.fees.links.orders')}
          </Button>
          <Button size="small" component={Link} to={filtered('fee-alerts')}>
            {t('otr.fees.links.alerts')}
          </Button>
          <Button size="small" component={Link} to={filtered('fee-refunds')}>
            {t('otr.fees.links.refunds')}
          </Button>
        </Stack>
      </Box>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {t('otr.fees.balances.title')}
          </Typography>
          <Grid container spacing={2}>
            {BALANCES.map((b) => (
              <Grid key={b} size={{ xs: 6, md: 2.4 }}>
                <Figure label={t(`otr.fees.balances.${b}`)} value={yuan(r.balances?.[b] ?? 0)} />
              </Grid>
            ))}
            {r.requiredReserveFen !== undefined && r.requiredReserveFen !== null && (
              <Grid size={{ xs: 6, md: 2.4 }}>
                <Figure label={field('requiredReserveFen')} value={yuan(r.requiredReserveFen)} />
              </Grid>
            )}
          </Grid>
        </CardContent>
      </Card>
      {r.closure && (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1">
              {t('otr.fees.links.closure')} ·{' '}
              {t(`otr.fees.statuses.${r.closure.status}`, { _: r.closure.status })}
            </Typography>
            <LinearProgress variant="determinate" value={closurePercent(r.closure)} sx={{ my: 1 }} />
            <Typography variant="body2">
              {t('otr.fees.closure.progress', {
                paid: r.closure.claimsPaid,
                claims: r.closure.claims,
                percent: closurePercent(r.closure),
              })}{' '}
              · {yuan(r.closure.paidFen)} / {yuan(r.closure.totalFen)}
            </Typography>
          </CardContent>
        </Card>
      )}
      <Card variant="outlined">
        <CardContent>
          <Suspense fallback={<LinearProgress />}>
            <EscrowChart institutionId={r.institutionId} />
          </Suspense>
        </CardContent>
      </Card>
    </Stack>
  );
}

const AccountShow = () => (
  <Show>
    <AccountDetail />
  </Show>
);

export const feeAccounts: ResourceProps = {
  name: 'fee-accounts',
  list: withFeesData(AccountList),
  show: withFeesData(AccountShow),
  icon: AccountBalanceIcon,
  recordRepresentation: 'institutionName',
};
