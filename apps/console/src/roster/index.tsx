import { ChangeEvent, useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { CanAccess, HttpError, ResourceProps, Title, useDataProvider, useTranslate } from 'react-admin';
import { problemsOf } from '../providers/problems';
import { ParsedRoster, readRoster } from './roster-csv';

type Outcome = { teachers: number; detected: number } | { refused: string[] } | null;

/** The file the administrator chose, read in the browser; nothing is sent while a row is wrong. */
function FileSummary({ parsed }: { parsed: ParsedRoster }) {
  const t = useTranslate();
  if (parsed.problems.length)
    return (
      <Alert severity="error" data-testid="roster-problems">
        {parsed.problems.slice(0, 20).map((p) => (
          <div key={p.row}>
            {t('otr.roster.problem', { row: p.row, problem: t(`otr.roster.problems.${p.problem}`) })}
          </div>
        ))}
        <div>{t('otr.roster.fixFirst')}</div>
      </Alert>
    );
  return <Typography>{t('otr.roster.read', { smart_count: parsed.teachers.length })}</Typography>;
}

/** The administrator replaces the in-service teacher roster (在职教师名单) from a CSV file. */
export function RosterImport() {
  const t = useTranslate();
  const dataProvider = useDataProvider();
  const [file, setFile] = useState<{ name: string; parsed: ParsedRoster } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sending, setSending] = useState(false);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    setOutcome(null);
    setFile({ name: chosen.name, parsed: readRoster(await chosen.text()) });
  };
  const upload = async () => {
    if (!file) return;
    setSending(true);
    try {
      const { data } = await dataProvider.create('roster', { data: { teachers: file.parsed.teachers } });
      setOutcome({ teachers: Number(data.teachers), detected: Number(data.detected) });
      setFile(null);
    } catch (e) {
      setOutcome({ refused: problemsOf((e as HttpError).body, [], (e as Error).message).general });
    } finally {
      setSending(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.roster.name" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <Typography variant="body2" color="text.secondary">
            {t('otr.roster.intro')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
              {t('otr.roster.choose')}
              <input hidden type="file" accept=".csv,text/csv" onChange={choose} data-testid="roster-file" />
            </Button>
            {file && <Typography variant="body2">{file.name}</Typography>}
          </Stack>
          {file && <FileSummary parsed={file.parsed} />}
          <CanAccess resource="roster" action="import">
            <Button
              variant="contained"
              onClick={upload}
              disabled={!file || sending || file.parsed.problems.length > 0 || !file.parsed.teachers.length}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('otr.roster.upload')}
            </Button>
          </CanAccess>
          {outcome && 'teachers' in outcome && (
            <Alert severity="success" data-testid="roster-outcome">
              {t('otr.roster.uploaded', outcome)}
            </Alert>
          )}
          {outcome && 'refused' in outcome && (
            <Alert severity="error">
              {t('otr.actions.refused')}：{outcome.refused.join('；')}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

export const roster: ResourceProps = { name: 'roster', list: RosterImport, icon: UploadFileIcon };
