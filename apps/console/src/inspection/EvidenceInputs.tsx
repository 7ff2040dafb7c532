import { useState } from 'react';
import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import MyLocationIcon from '@mui/icons-material/MyLocation';
import { Alert, Button, Chip, Stack } from '@mui/material';
import { HttpError, maxLength, minLength, required, TextInput, useInput, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { problemsOf } from '../providers/problems';
import { uploadEvidence } from './api';
import { localDateTime, StoredFile } from './inspection-file';
import { touch } from './ui';

/** The form fields evidence errors land on ("evidence.0.place.address" → address). */
export const evidenceFields = ['evidence', 'takenAt', 'address'] as const;

const atLeastOne = (v: unknown) => (Array.isArray(v) && v.length > 0 ? undefined : 'ra.validation.required');

/** Photos taken now (the phone's camera) or files; each is stored on upload and cited by its checksum. */
function FilesInput() {
  const t = useTranslate();
  const { field, fieldState } = useInput<StoredFile[]>({ source: 'evidence', validate: atLeastOne });
  const files: StoredFile[] = field.value ?? [];
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const add = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const stored: StoredFile[] = [];
      for (const f of Array.from(list)) stored.push(await uploadEvidence(f));
      field.onChange([...files, ...stored.filter((s) => !files.some((f) => f.sha256 === s.sha256))]);
    } catch (e) {
      const p = problemsOf((e as HttpError).body, ['file'], (e as Error).message);
      setProblem([...Object.values(p.fields), ...p.general].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1} sx={{ my: 1 }}>
      <Button component="label" variant="outlined" startIcon={<AddAPhotoIcon />} disabled={busy} sx={touch}>
        {t(busy ? 'otr.inspection.evidence.uploading' : 'otr.inspection.evidence.add')}
        <input
          hidden
          type="file"
          multiple
          accept="image/*,application/pdf,video/mp4"
          capture="environment"
          data-testid="evidence-file"
          onChange={(e) => {
            void add(e.target.files);
            e.target.value = '';
          }}
        />
      </Button>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {files.map((f) => (
          <Chip
            key={f.sha256}
            label={`${f.filename ?? f.contentType} · ${f.sha256.slice(0, 8)}`}
            title={f.sha256}
            onDelete={() => field.onChange(files.filter((x) => x.sha256 !== f.sha256))}
          />
        ))}
      </Stack>
      {(problem || fieldState.error) && (
        <Alert severity="error">{problem ?? t(fieldState.error?.message ?? '')}</Alert>
      )}
    </Stack>
  );
}

/** Where the evidence was taken: the address typed, the phone's position added when allowed. */
function PlaceButton() {
  const t = useTranslate();
  const { setValue, watch } = useFormContext();
  const lat = watch('lat') as number | undefined;
  const lng = watch('lng') as number | undefined;
  if (!('geolocation' in navigator)) return null;
  return (
    <Button
      variant="text"
      startIcon={<MyLocationIcon />}
      sx={{ ...touch, alignSelf: 'flex-start' }}
      onClick={() =>
        navigator.geolocation.getCurrentPosition((pos) => {
          setValue('lat', Math.round(pos.coords.latitude * 1e6) / 1e6);
          setValue('lng', Math.round(pos.coords.longitude * 1e6) / 1e6);
        })
      }
    >
      {typeof lat === 'number' && typeof lng === 'number'
        ? `${lat}, ${lng}`
        : t('otr.inspection.evidence.locate')}
    </Button>
  );
}

/** Evidence with the time and place it was taken, for a violation or a rectification report. */
export const EvidenceInputs = () => (
  <>
    <FilesInput />
    <TextInput
      source="takenAt"
      type="datetime-local"
      label="otr.inspection.evidence.takenAt"
      validate={required()}
    />
    <TextInput
      source="address"
      label="otr.inspection.evidence.address"
      validate={[required(), minLength(2), maxLength(300)]}
    />
    <PlaceButton />
  </>
);

/** Fresh evidence fields: taken now. */
export const evidenceDefaults = () => ({ evidence: [], takenAt: localDateTime(new Date()) });
