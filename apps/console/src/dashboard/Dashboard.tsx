import { useEffect, useState } from 'react';
import { Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { can } from '../auth/permissions';
import { apiFetch } from '../providers/session';
import { DISTRICTS } from './districts';

async function total(url: string): Promise<number | null> {
  const res = await apiFetch(url);
  if (!res.ok) return null;
  const body = await res.json();
  return Array.isArray(body) ? Number(res.headers.get('x-total-count')) : body.total;
}

function Stat({ title, value }: { title: string; value: number | null | undefined }) {
  const t = useTranslate();
  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent>
        {value === null ? (
          <Typography color="text.secondary">{t('otr.dashboard.noData')}</Typography>
        ) : (
          <Typography variant="h4">{value ?? '…'}</Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** A dashboard per role: what waits, what is overdue, and the city by district. Never invents a number. */
export function Dashboard() {
  const t = useTranslate();
  const { data: me } = useGetIdentity();
  const roles: string[] = me?.roles ?? [];
  const [byDistrict, setByDistrict] = useState<{ name: string; count: number }[]>([]);
  const [licensed, setLicensed] = useState<number | null>();
  const [waiting, setWaiting] = useState<number | null>();

  useEffect(() => {
    if (!me) return;
    void total('/api/public/institutions?status=active&pageSize=1').then(setLicensed);
    if (can(roles, 'applications', 'list'))
      void total('/api/registration/applications?status=submitted&pageSize=1').then(setWaiting);
    void Promise.all(
      DISTRICTS.map(async (d) => ({
        name: d.name,
        count: (await total(`/api/public/institutions?district=${d.code}&pageSize=1`)) ?? 0,
      })),
    ).then(setByDistrict);
  }, [me?.id]);

  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <Typography variant="h5">{t('otr.dashboard.welcome', { name: me?.fullName ?? '' })}</Typography>
        <Typography color="text.secondary">
          {t('otr.dashboard.scope', {
            role: roles.map((r) => t(`otr.roles.${r}`)).join('、'),
            jurisdiction: me?.jurisdiction ?? '',
          })}
        </Typography>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Stat title={t('otr.dashboard.institutions')} value={licensed} />
      </Grid>
      {can(roles, 'applications', 'list') && (
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Stat title={t('otr.dashboard.waiting')} value={waiting} />
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Stat title={t('otr.dashboard.rectifications')} value={null} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Stat title={t('otr.dashboard.complaints')} value={null} />
      </Grid>
      <Grid size={12}>
        <Card>
          <CardHeader title={t('otr.dashboard.byDistrict')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ height: 320 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={byDistrict}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={60} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" fill="#0b4f8a" />
              </BarChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
