import { useEffect, useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { CanAccess, downloadCSV, Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { jurisdictionName } from '../i18n/jurisdictions';
import { colors } from '../layout/theme';
import { exportFileName, toCsv } from '../providers/csv';
import { apiFetch } from '../providers/session';
import {
  chartRows,
  percent,
  Rate,
  RATES,
  RatesBy,
  RatesFilter,
  RatesReport,
  ratesCsv,
  ratesUrl,
} from './rates-file';

const BAR_COLOURS = { response: colors.chart[0], resolution: colors.chart[2], satisfaction: colors.accent };

/** A rate and, muted beside it, what it was counted from: 87.5% (7/8). */
function RateCell({ rate }: { rate: Rate }) {
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <TableCell align="right">
      {percent(rate, locale)}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
        ({rate.count}/{rate.of})
      </Typography>
    </TableCell>
  );
}

function RatesTable({ report, label }: { report: RatesReport; label: (key: string) => string }) {
  const t = useTranslate();
  const rows = [
    ...report.groups.map((g) => ({ ...g, name: label(g.key) })),
    { ...report.total, key: '', name: t('otr.complaints.rates.total') },
  ];
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="complaint-rates">
        <TableHead>
          <TableRow>
            <TableCell>{t(`otr.complaints.rates.${report.by}`)}</TableCell>
            <TableCell align="right">{t('otr.complaints.rates.complaints')}</TableCell>
            {RATES.map((r) => (
              <TableCell key={r} align="right">
                {t(`otr.complaints.rates.${r}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((g) => (
            <TableRow key={g.key || 'total'} sx={g.key ? undefined : { '& td': { fontWeight: 600 } }}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{g.name}</TableCell>
              <TableCell align="right">{g.complaints}</TableCell>
              {RATES.map((r) => (
                <RateCell key={r} rate={g[r]} />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function RatesChart({ report, label }: { report: RatesReport; label: (key: string) => string }) {
  const t = useTranslate();
  return (
    <Box sx={{ height: 280 }} data-testid="complaint-rates-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={chartRows(report, label)} margin={{ top: 16, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={colors.border} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} tickLine={false} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} axisLine={false} tickLine={false} />
          <Tooltip formatter={(v) => `${v}%`} cursor={{ fill: 'rgba(18,70,143,0.06)' }} />
          <Legend itemSorter={null} />
          {RATES.map((r) => (
            <Bar
              key={r}
              dataKey={r}
              name={t(`otr.complaints.rates.${r}`)}
              fill={BAR_COLOURS[r]}
              maxBarSize={28}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

/**
 * 投诉办理统计: the response, resolution and satisfaction rates of the complaints in the user's
 * jurisdiction, by lead department or by district, over a filing period; a table, a bar chart
 * and a CSV export.
 */
export function ComplaintRates() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [filter, setFilter] = useState<RatesFilter>({ by: 'department', from: '', to: '' });
  const [report, setReport] = useState<RatesReport>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let alive = true;
    setProblem(undefined);
    apiFetch(ratesUrl(filter))
      .then(async (res) => {
        const body = await res.json().catch(() => ({}));
        if (!alive) return;
        if (res.ok) setReport(body as RatesReport);
        else setProblem(body.detail ?? res.statusText);
      })
      .catch((e: Error) => alive && setProblem(e.message));
    return () => {
      alive = false;
    };
  }, [filter]);

  const label = (key: string) =>
    report?.by === 'district' ? jurisdictionName(key, locale) : t(`otr.departments.${key}`, { _: key });
  const exportCsv = () => {
    if (!report) return;
    const { rows, columns } = ratesCsv(report, t, locale, label);
    downloadCSV(toCsv(rows, columns), exportFileName(t('otr.complaints.rates.fileName')));
  };
  const day = (field: 'from' | 'to') => (
    <TextField
      type="date"
      size="small"
      label={t(`otr.complaints.rates.${field}`)}
      value={filter[field]}
      sx={{ width: 190 }}
      onChange={(e) => setFilter({ ...filter, [field]: e.target.value })}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={t('otr.complaints.rates.title')} />
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter.by}
          aria-label={t('otr.complaints.rates.by')}
          onChange={(_e, by: RatesBy | null) => by && setFilter({ ...filter, by })}
        >
          <ToggleButton value="department">{t('otr.complaints.rates.byDepartment')}</ToggleButton>
          <ToggleButton value="district">{t('otr.complaints.rates.byDistrict')}</ToggleButton>
        </ToggleButtonGroup>
        {day('from')}
        {day('to')}
        <CanAccess resource="complaints" action="export">
          <Button startIcon={<DownloadIcon />} onClick={exportCsv} disabled={!report?.groups.length}>
            {t('ra.action.export')}
          </Button>
        </CanAccess>
      </Stack>
      {problem && <Alert severity="error">{t('otr.complaints.rates.failed', { message: problem })}</Alert>}
      {!report && !problem && <Loading />}
      {report && (
        <Stack spacing={2}>
          <Card>
            <CardContent>
              {report.groups.length ? (
                <RatesTable report={report} label={label} />
              ) : (
                <Typography color="text.secondary">{t('otr.complaints.rates.empty')}</Typography>
              )}
              <Box component="ul" sx={{ m: 0, mt: 1.5, pl: 2.5, color: 'text.secondary', fontSize: 13 }}>
                {[...RATES, 'none'].map((r) => (
                  <li key={r}>
                    {r === 'none' ? '' : `${t(`otr.complaints.rates.${r}`)}：`}
                    {t(`otr.complaints.rates.definitions.${r}`)}
                  </li>
                ))}
              </Box>
            </CardContent>
          </Card>
          {report.groups.length > 0 && (
            <Card>
              <CardContent>
                <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
                  {t('otr.complaints.rates.chart')}
                </Typography>
                <RatesChart report={report} label={label} />
              </CardContent>
            </Card>
          )}
        </Stack>
      )}
    </Box>
  );
}

/** The rates screen for the roles that may see it (auth/permissions.ts, action 'rates'). */
export const ComplaintRatesPage = () => (
  <CanAccess resource="complaints" action="rates">
    <ComplaintRates />
  </CanAccess>
);
