import { useState } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import { maxLength, minLength, required, TextInput, useDataProvider, useTranslate } from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { ComplaintRecord, mayReveal } from './complaint-file';

type Contact = { name: string; phone: string };

/**
 * The complainant as this user may see them: masked, hidden or anonymous; the handling officer
 * and their supervisor may open the clear name and phone, giving a reason, and every such view is
 * audited (who, when, why).
 */
export function Complainant({ complaint }: { complaint: ComplaintRecord }) {
  const t = useTranslate();
  const dataProvider = useDataProvider<OtrDataProvider>();
  const [clear, setClear] = useState<Contact>();
  const c = complaint.complainant;
  if (!c || c.visibility === 'anonymous' || c.visibility === 'hidden')
    return (
      <Typography color="text.secondary">
        {t(`otr.complaints.contact.${c?.visibility ?? 'hidden'}`)}
      </Typography>
    );
  const shown = clear ?? { name: c.name ?? '', phone: c.phone ?? '' };
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="complainant">
      <Typography>
        {shown.name} · {shown.phone}
        {!clear && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            （{t('otr.complaints.contact.masked')}）
          </Typography>
        )}
      </Typography>
      {clear ? (
        <Alert severity="info" sx={{ py: 0 }}>
          {t('otr.complaints.contact.revealed')}
        </Alert>
      ) : (
        mayReveal(complaint) && (
          <CommandButton
            resource="complaints"
            access="revealContact"
            label="otr.complaints.contact.reveal"
            hint="otr.complaints.contact.revealHint"
            done="otr.complaints.contact.revealed"
            fields={['reason']}
            inputs={
              <TextInput
                source="reason"
                label={t('otr.complaints.contact.reason')}
                validate={[required(), minLength(2), maxLength(200)]}
              />
            }
            send={async (values) =>
              setClear(
                await dataProvider.part<Contact>(
                  'complaints',
                  complaint.id,
                  `complainant?reason=${encodeURIComponent(String(values.reason ?? ''))}`,
                ),
              )
            }
          />
        )
      )}
    </Stack>
  );
}
