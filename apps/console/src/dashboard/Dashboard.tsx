import { useMemo, useState } from 'react';
import { Box, Button, Chip, Grid, IconButton, Stack, Tooltip as MuiTooltip, Typography } from '@mui/material';
import AssignmentIcon from '@mui/icons-material/Assignment';
import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import MapIcon from '@mui/icons-material/Map';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import RefreshIcon from '@mui/icons-material/Refresh';
import SavingsIcon from '@mui/icons-material/Savings';
import ShowChartIcon from '@mui/icons-material/ShowChart';
import { Loading, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import {
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  PieLabelRenderProps,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { panelsFor } from '../auth/permissions';
import { DISTRICTS, jurisdictionPath } from '../i18n/jurisdictions';
import { colors, slaColors } from '../layout/theme';
import { createDashboardProvider } from '../providers/dashboard-provider';
import { RESOURCES, STATS_URLS } from '../providers/resources';
import { apiFetch } from '../providers/session';
import { DistrictBars } from './DistrictBars';
import { Figure, Tile } from './PanelCard';
import { usePanel } from './usePanel';

const provider = createDashboardProvider((url) => apiFetch(url));
const CATEGORIES = ['subject', 'sports', 'arts', 'science-tech'];

function Header({ onRefresh }: { onRefresh: () => void }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data: me } = useGetIdentity();
  const today = new Date().toLocaleDateString(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  });
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1}

      sx={{ alignItems: { xs: 'flex-start', sm: 'center' }, mb: 2 }}
    >
      <Box sx={{ flex: 1 }}>
        <Typography variant="h5" component="h1">
          {t('otr.dashboard.welcome', { name: me?.fullName ?? '' })}
        </Typography>
        <Stack
          direction="row"
          spacing={1}
          sx={{ alignItems: 'center', mt: 0.5, flexWrap: 'wrap', rowGap: 0.5 }}
        >
          {((me?.roles as string[]) ?? []).map((r) => (
            <Chip key={r} size="small" color="primary" label={t(`otr.roles.${r}`, { _: r })} />
          ))}
          {me?.department && (
            <Chip
              size="small"
              variant="outlined"
              label={t(`otr.departments.${me.department}`, { _: me.department })}
            />
          )}
          <Typography variant="body2" color="text.secondary">
            {jurisdictionPath(me?.jurisdiction as string, locale)}
          </Typography>
        </Stack>
      </Box>
      <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
        <Typography variant="body2" color="text.secondary">
          {t('otr.dashboard.today', { date: today })}
        </Typography>
        <MuiTooltip title={t('otr.dashboard.refresh')}>
          <IconButton onClick={onRefresh} aria-label={t('otr.dashboard.refresh')} size="small">
            <RefreshIcon />
          </IconButton>
        </MuiTooltip>
      </Stack>
    </Stack>
  );
}

const Source = ({ text }: { text: string }) => (
  <Typography variant="caption" color="text.secondary">
    {text}
  </Typography>
);

/** A dashboard per role: what waits, what is overdue, and the city by district. Never invents a number. */
export function Dashboard() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data: me, isPending } = useGetIdentity();
  const [version, setVersion] = useState(0);
  const roles = useMemo(() => (me?.roles as string[]) ?? [], [me]);
  const panels = new Set(panelsFor(roles));
  const ready = !!me;

  const applications = usePanel(() => provider.registration(), ready && panels.has('applications'), version);
  const rectifications = usePanel(
    () => provider.inspection(),
    ready && panels.has('rectifications'),
    version,
  );
  const complaints = usePanel(() => provider.complaints(), ready && panels.has('complaints'), version);
  const fees = usePanel(() => provider.fees(), ready && panels.has('fundAlerts'), version);
  const institutions = usePanel(
    () =>
      provider.institutions(
        DISTRICTS.map((d) => d.code),
        CATEGORIES,
      ),
    ready && panels.has('institutions'),
    version,
  );
  const audit = usePanel(() => provider.audit(), ready && panels.has('audit'), version);

  if (isPending) return <Loading />;
  const myDistrict = me?.jurisdiction as string | undefined;

  return (
    <Box sx={{ py: 2, px: { xs: 0, sm: 1 } }}>
      <Header onRefresh={() => setVersion((v) => v + 1)} />
      <Grid container spacing={2}>
        <Tile
          show={panels.has('applications')}
          size={{ xs: 12, sm: 6, lg: 3 }}
          title={t('otr.dashboard.applications')}
          icon={<AssignmentIcon fontSize="small" />}
          panel={applications}
          service="registration"
          url={STATS_URLS.registration}
          footer={
            <Button component={Link} to="/applications" size="small">
              {t('otr.dashboard.openQueue')} →
            </Button>
          }
        >
          {(d, source) => (
            <>
              <Stack direction="row" spacing={3}>
                <Figure label={t('otr.dashboard.waiting')} value={d.waiting} />
                <Figure label={t('otr.dashboard.overdue')} value={d.overdue} color={colors.red} />
              </Stack>
              <Source
                text={
                  d.overdue === null
                    ? `${t('otr.dashboard.derivedQueue')} · ${t('otr.dashboard.overdueUnknown')}`
                    : source === 'derived'
                      ? t('otr.dashboard.derivedQueue')
                      : ''
                }
              />
            </>
          )}
        </Tile>
        <Tile
          show={panels.has('rectifications')}
          size={{ xs: 12, sm: 6, lg: 3 }}
          title={t('otr.dashboard.rectifications')}
          icon={<BuildCircleIcon fontSize="small" />}
          panel={rectifications}
          service="inspection"
          url={STATS_URLS.inspection}
        >
          {(d) => (
            <Stack direction="row" spacing={3}>
              <Figure
                label={t('otr.dashboard.rectificationsOverdue')}
                value={d.rectificationsOverdue}
                color={colors.red}
              />
              <Figure label={t('otr.dashboard.rectificationsOpen')} value={d.rectificationsOpen ?? null} />
            </Stack>
          )}
        </Tile>
        <Tile
          show={panels.has('complaints')}
          size={{ xs: 12, sm: 6, lg: 3 }}
          title={t('otr.dashboard.complaints')}
          icon={<RecordVoiceOverIcon fontSize="small" />}
          panel={complaints}
          service="complaints"
          url={STATS_URLS.complaints}
        >
          {(d) => (
            <Stack direction="row" spacing={2}>
              {(['green', 'amber', 'red'] as const).map((c) => (
                <Figure key={c} label={t(`otr.dashboard.sla.${c}`)} value={d.open[c]} color={slaColors[c]} />
              ))}
            </Stack>
          )}
        </Tile>
        <Tile
          show={panels.has('fundAlerts')}
          size={{ xs: 12, sm: 6, lg: 3 }}
          title={t('otr.dashboard.fundAlerts')}
          icon={<SavingsIcon fontSize="small" />}
          panel={fees}
          service="fees"
          url={STATS_URLS.fees}
        >
          {(d) => <Figure label={t('otr.dashboard.openAlerts')} value={d.openAlerts} color={colors.red} />}
        </Tile>
        <Tile
          show={panels.has('institutions')}
          size={{ xs: 12, sm: 6, lg: 3 }}
          title={t('otr.dashboard.institutions')}
          icon={<MapIcon fontSize="small" />}
          panel={institutions}
          service="directory"
          url={`${RESOURCES.institutions.url}?district=…`}
        >
          {(d, source) => (
            <>
              <Figure label={t('otr.dashboard.licensed')} value={d.total} atLeast={d.totalIsCapped} />
              <Source text={source === 'derived' ? t('otr.dashboard.derived') : ''} />
            </>
          )}
        </Tile>
        <Tile
          show={panels.has('audit')}
          size={{ xs: 12, sm: 6, lg: 3 }}
          title={t('otr.dashboard.audit')}
          icon={<FactCheckIcon fontSize="small" />}
          panel={audit}
          service="admin"
          url={RESOURCES.audit.url}
          footer={
            <Button component={Link} to="/audit" size="small">
              {t('otr.dashboard.openAudit')} →
            </Button>
          }
        >
          {(d) => <Figure label={t('resources.audit.name')} value={d.total} />}
        </Tile>

        <Tile
          show={panels.has('institutions')}
          size={{ xs: 12, lg: 8 }}
          title={t('otr.dashboard.byDistrict')}
          icon={<MapIcon fontSize="small" />}
          panel={institutions}
          service="directory"
          url={`${RESOURCES.institutions.url}?district=…`}
          minHeight={320}
        >
          {(d) => (
            <DistrictBars
              rows={d.byDistrict}
              series={[{ key: 'count', name: t('otr.dashboard.licensed'), color: colors.primary }]}
              height={300}
              highlight={myDistrict}
              labels
              testId="chart-by-district"
            />
          )}
        </Tile>
        <Tile
          show={panels.has('institutions')}
          size={{ xs: 12, sm: 6, lg: 4 }}
          title={t('otr.dashboard.byCategory')}
          icon={<MapIcon fontSize="small" />}
          panel={institutions}
          service="directory"
          url={`${RESOURCES.institutions.url}?category=…`}
          minHeight={320}
        >
          {(d) => (
            <Box sx={{ height: 300 }}>
              <ResponsiveContainer width="100%" height="100%">
                <PieChart>
                  <Pie
                    isAnimationActive={false}
                    data={(d.byCategory ?? []).map((c) => ({
                      ...c,
                      name: t(`otr.categories.${c.category}`),
                    }))}
                    dataKey="count"
                    nameKey="name"
                    innerRadius="45%"
                    outerRadius="75%"
                    paddingAngle={2}
                    labelLine={false}
                    label={(p: PieLabelRenderProps) =>
                      p.value ? (
                        <text
                          x={p.x}
                          y={p.y}
                          textAnchor={p.textAnchor === 'inherit' ? undefined : p.textAnchor}
                          dominantBaseline="central"
                          fontSize={12}
                          fill="#374151"
                        >
                          {p.value}
                        </text>
                      ) : null
                    }
                  >
                    {(d.byCategory ?? []).map((c, i) => (
                      <Cell key={c.category} fill={colors.chart[i % colors.chart.length]} />
                    ))}
                  </Pie>
                  <Tooltip />
                  <Legend
                    verticalAlign="bottom"
                    iconType="circle"
                    formatter={(name, entry) => (
                      <span style={{ color: '#374151', fontSize: 13 }}>
                        {name} {(entry?.payload as { count?: number } | undefined)?.count ?? ''}
                      </span>
                    )}
                  />
                </PieChart>
              </ResponsiveContainer>
            </Box>
          )}
        </Tile>
        <Tile
          show={panels.has('complaints')}
          size={{ xs: 12, sm: 6, lg: 6 }}
          title={`${t('otr.dashboard.complaints')} · ${t('resources.institutions.fields.district')}`}
          icon={<RecordVoiceOverIcon fontSize="small" />}
          panel={complaints}
          service="complaints"
          url={STATS_URLS.complaints}
          minHeight={260}
        >
          {(d) => (
            <DistrictBars
              rows={d.byDistrict}
              series={(['green', 'amber', 'red'] as const).map((c) => ({
                key: c,
                name: t(`otr.dashboard.sla.${c}`),
                color: slaColors[c],
                stackId: 'sla',
              }))}
            />
          )}
        </Tile>
        <Tile
          show={panels.has('rectifications')}
          size={{ xs: 12, sm: 6, lg: 6 }}
          title={`${t('otr.dashboard.rectificationsOverdue')} · ${t('resources.institutions.fields.district')}`}
          icon={<BuildCircleIcon fontSize="small" />}
          panel={rectifications}
          service="inspection"
          url={STATS_URLS.inspection}
          minHeight={260}
        >
          {(d) => (
            <DistrictBars
              rows={d.byDistrict}
              series={[{ key: 'overdue', name: t('otr.dashboard.rectificationsOverdue'), color: colors.red }]}
            />
          )}
        </Tile>
        <Tile
          show={panels.has('applications')}
          size={{ xs: 12, sm: 6, lg: 6 }}
          title={t('otr.dashboard.trend')}
          icon={<ShowChartIcon fontSize="small" />}
          panel={
            applications?.state === 'ok' && applications.source === 'derived'
              ? { state: 'unavailable', status: applications.statsStatus ?? 404 }
              : applications
          }
          service="registration"
          url={STATS_URLS.registration}
          minHeight={260}
        >
          {(d) =>
            d.trend?.length ? (
              <Box sx={{ height: 240 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={d.trend}>
                    <CartesianGrid strokeDasharray="3 3" stroke={colors.border} />
                    <XAxis dataKey="period" tick={{ fontSize: 12 }} />
                    <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Legend />
                    <Line
                      isAnimationActive={false}
                      dataKey="submitted"
                      name={t('otr.dashboard.submitted')}
                      stroke={colors.primary}
                      strokeWidth={2}
                    />
                    <Line
                      isAnimationActive={false}
                      dataKey="decided"
                      name={t('otr.dashboard.decided')}
                      stroke={colors.green}
                      strokeWidth={2}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </Box>
            ) : (
              <Typography color="text.secondary" sx={{ m: 'auto' }}>
                {t('otr.dashboard.noData')}
              </Typography>
            )
          }
        </Tile>
        <Tile
          show={panels.has('fundAlerts')}
          size={{ xs: 12, sm: 6, lg: 6 }}
          title={`${t('otr.dashboard.fundAlerts')} · ${t('resources.institutions.fields.district')}`}
          icon={<SavingsIcon fontSize="small" />}
          panel={fees}
          service="fees"
          url={STATS_URLS.fees}
          minHeight={260}
        >
          {(d) => (
            <DistrictBars
              rows={d.byDistrict}
              series={[{ key: 'openAlerts', name: t('otr.dashboard.openAlerts'), color: colors.red }]}
            />
          )}
        </Tile>
        <Tile
          show={panels.has('audit')}
          size={{ xs: 12, lg: 12 }}
          title={t('otr.dashboard.audit')}
          icon={<FactCheckIcon fontSize="small" />}
          panel={audit}
          service="admin"
          url={RESOURCES.audit.url}
        >
          {(d) => (
            <Box
              component="table"
              sx={{
                width: '100%',
                borderCollapse: 'collapse',
                fontSize: 13,
                '& td': { py: 0.75, borderBottom: `1px solid ${colors.border}`, pr: 1 },
              }}
            >
              <tbody>
                {d.recent.map((e) => (
                  <tr key={e.id}>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {new Date(e.at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })}
                    </td>
                    <td>{e.role ? t(`otr.roles.${e.role}`, { _: e.role }) : '—'}</td>
                    <td style={{ wordBreak: 'break-all' }}>
                      {e.method} {e.path}
                    </td>
                    <td style={{ color: e.status >= 400 ? colors.red : colors.green }}>{e.status}</td>
                  </tr>
                ))}
              </tbody>
            </Box>
          )}
        </Tile>
      </Grid>
    </Box>
  );
}
