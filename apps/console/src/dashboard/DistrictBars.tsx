import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { jurisdictionName, shortDistrictName } from '../i18n/jurisdictions';
import { colors } from '../layout/theme';
import { useSmall } from '../layout/useSmall';

export interface BarSeries<R> {
  key: keyof R & string;
  name: string;
  color: string;
  /** Series with the same stack id pile up (the SLA colours of one district). */
  stackId?: string;
}

/**
 * One bar group per district of the city, named short on the axis and in full in the tooltip.
 * `highlight` paints the viewer's own district in the accent colour (single-series charts only).
 */
export function DistrictBars<R extends { district: string }>({
  rows,
  series,
  height = 240,
  highlight,
  labels = false,
  testId,
}: {
  rows: R[] | undefined;
  series: BarSeries<R>[];
  height?: number;
  highlight?: string;
  /** The figure above each bar: for a single series with few districts. */
  labels?: boolean;
  testId?: string;
}) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  if (!rows?.length) {
    return (
      <Typography color="text.secondary" sx={{ m: 'auto' }}>
        {t('otr.dashboard.noData')}
      </Typography>
    );
  }
  // District names are long in English and the phone is narrow: slant them there.
  const slant = small || !locale.startsWith('zh');
  const tick = slant ? { fontSize: 11, angle: -40, textAnchor: 'end' as const } : { fontSize: 12 };
  const tickHeight = slant ? (locale.startsWith('zh') ? 44 : 64) : 30;
  return (
    <Box sx={{ height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows.map((x) => ({ ...x, name: shortDistrictName(x.district, locale) }))}
          margin={{ top: 16, right: 8, left: -16, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={colors.border} />
          <XAxis dataKey="name" interval={0} tick={tick} height={tickHeight} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} axisLine={false} tickLine={false} />
          <Tooltip
            labelFormatter={(_l, p) => jurisdictionName(p?.[0]?.payload?.district, locale)}
            cursor={{ fill: 'rgba(18,70,143,0.06)' }}
          />
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar
              key={s.key}
              isAnimationActive={false}
              dataKey={s.key as string}
              name={s.name}
              stackId={s.stackId}
              fill={s.color}
              radius={s.stackId ? undefined : [3, 3, 0, 0]}
              maxBarSize={36}
              label={labels ? { position: 'top', fontSize: 11, fill: colors.muted } : undefined}
            >
              {highlight &&
                rows.map((x) => (
                  <Cell key={x.district} fill={x.district === highlight ? colors.accent : s.color} />
                ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
