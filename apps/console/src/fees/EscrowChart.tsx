import { useEffect, useState } from 'react';
import { Alert, Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { colors } from '../layout/theme';
import type { OtrDataProvider } from '../providers/data-provider';
import { beijingDay, chartPoints, daysBefore, EscrowDay } from './fees-file';
import { formatYuan } from './money';

const PERIODS = [30, 90, 365] as const;
/** Each day's movements as bars: what was paid in, released and refunded. */
const BARS = [
  ['paidIn', colors.green],
  ['released', colors.amber],
  ['refunded', colors.red],
] as const;
type Point = ReturnType<typeof chartPoints>[number];

/**
 * * The escrow balance of one institution over time (GET /accounts/:id/balances?from&to), with what
 * was paid in, released and refunded each day. Lazy-loaded, so recharts stays out of the main chunk.
 */
export default function EscrowChart({ institutionId }: { institutionId: string }) {
  const t = useTranslate();
  const dataProvider = useDataProvider<OtrDataProvider>();
  const [days, setDays] = useState<number>(90);
  const [state, setState] = useState<{ points?: Point[]; error?: string }>({});
  useEffect(() => {
    let live = true;
    const to = beijingDay(new Date());
    const query = new URLSearchParams({ from: daysBefore(to, days), to });
    dataProvider
      .part<EscrowDay[]>('fee-accounts', institutionId, `balances?${query}`)
      .then((rows) => live && setState({ points: chartPoints(rows) }))
      .catch((e: Error) => live && setState({ error: e.message }));
    return () => {
      live = false;
    };
  }, [dataProvider, institutionId, days]);
  const money = (v: unknown) => `¥${formatYuan(Math.round(Number(v) * 100))}`;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="subtitle1">{t('otr.fees.chart.title')}</Typography>
        <ToggleButtonGroup size="small" exclusive value={days} onChange={(_, v) => v && setDays(v)}>
          {PERIODS.map((d) => (
            <ToggleButton key={d} value={d}>
              {t('otr.fees.chart.days', { days: d })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {state.error && <Alert severity="error">{t('otr.fees.chart.failed', { message: state.error })}</Alert>}
      {state.points && !state.points.length && (
        <Typography color="text.secondary">{t('otr.fees.chart.empty')}</Typography>
      )}
      {!!state.points?.length && (
        <Box sx={{ height: 280 }} data-testid="escrow-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={state.points}>
              <CartesianGrid strokeDasharray="3 3" stroke={colors.border} />
              <XAxis dataKey="date" tick={{ fontSize: 12 }} />
              <YAxis tick={{ fontSize: 12 }} width={90} tickFormatter={money} />
              <Tooltip formatter={money} />
              <Legend />
              {BARS.map(([key, fill]) => (
                <Bar
                  key={key}
                  isAnimationActive={false}
                  dataKey={key}
                  name={t(`otr.fees.chart.${key}`)}
                  fill={fill}
                  maxBarSize={16}
                />
              ))}
              {/* The balance holds between movements (a step); each day's movements as bars. */}
              <Line
                type="stepAfter"
                isAnimationActive={false}
                dataKey="escrow"
                name={t('otr.fees.chart.escrow')}
                stroke={colors.primary}
                strokeWidth={2}
                // A step needs two days; when every movement fell on one, its balance shows as a dot.
                dot={state.points.length === 1}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Box>
  );
}
