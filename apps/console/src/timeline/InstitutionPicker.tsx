import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useDataProvider, useInput, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { jurisdictionName } from '../i18n/jurisdictions';
import { institutionNameOf } from './event-catalogue';
import { KnownInstitution, knownInstitution, rememberInstitution } from './routes';

/** Finds an institution by name or license number in the directory; the filter's value is its id. */
export function InstitutionPicker({ source, alwaysOn: _alwaysOn }: { source: string; alwaysOn?: boolean }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const dataProvider = useDataProvider();
  const { field } = useInput({ source });
  const { data: events } = useListContext();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<KnownInstitution[]>([]);
  const [loading, setLoading] = useState(false);

  const selected = useMemo<KnownInstitution | null>(
    () =>
      field.value
        ? (options.find((o) => o.id === field.value) ??
          knownInstitution(field.value) ?? {
            id: field.value,
            name: institutionNameOf(events ?? []) ?? field.value,
          })
        : null,
    [field.value, options, events],
  );

  useEffect(() => {
    const q = input.trim();
    if (!q || q === selected?.name) return;
    let alive = true;
    setLoading(true);
    const timer = setTimeout(() => {
      dataProvider
        .getList('institutions', {
          filter: { q },
          pagination: { page: 1, perPage: 20 },
          sort: { field: 'name', order: 'ASC' },
        })
        .then(({ data }) => alive && setOptions(data as KnownInstitution[]))
        .catch(() => alive && setOptions([]))
        .finally(() => alive && setLoading(false));
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [input, dataProvider, selected?.name]);

  return (
    <Autocomplete<KnownInstitution>
      sx={{ minWidth: { xs: '100%', sm: 360 }, mb: { xs: 1, sm: 0 } }}
      size="small"
      options={options}
      value={selected}
      loading={loading}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.name}
      noOptionsText={input ? t('otr.timeline.noMatch') : t('otr.timeline.search')}
      loadingText={t('otr.timeline.searching')}
      onInputChange={(_e, v) => setInput(v)}
      onChange={(_e, v) => {
        if (v) rememberInstitution(v);
        field.onChange(v?.id ?? '');
      }}
      renderOption={(props, o) => (
        <li {...props} key={o.id}>
          <div>
            <div>{o.name}</div>
            <div style={{ fontSize: 12, opacity: 0.7 }}>
              {[o.licenseNumber, jurisdictionName(o.district, locale)].filter(Boolean).join(' · ')}
            </div>
          </div>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('resources.timeline.fields.institutionId')}
          placeholder={t('otr.timeline.search')}
        />
      )}
    />
  );
}
