import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button, Stack } from '@mui/material';
import { useNotify } from 'react-admin';
import { apiFetch } from '../providers/session';
import { INSPECTION_API } from './api';

interface Cited {
  sha256: string;
  contentType: string;
  filename?: string;
  takenAt: string;
  place: { address: string; lat?: number; lng?: number };
}

/** Opens a stored file (the download needs the bearer token, so it is fetched, then shown). */
function Open({ file }: { file: Cited }) {
  const notify = useNotify();
  const open = async () => {
    const res = await apiFetch(`${INSPECTION_API}/evidence/${file.sha256}`);
    if (!res.ok) return notify(res.statusText, { type: 'error' });
    const url = URL.createObjectURL(await res.blob());
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <Button size="small" startIcon={<AttachFileIcon />} onClick={() => void open()} title={file.sha256}>
      {file.filename ?? file.contentType} · {file.sha256.slice(0, 8)}
    </Button>
  );
}

/** Evidence cited by a violation or a rectification report: the file, when and where it was taken, its checksum. */
export function EvidenceList({ evidence }: { evidence?: Cited[] }) {
  return (
    <Stack spacing={0.5}>
      {(evidence ?? []).map((e) => (
        <span key={e.sha256}>
          <Open file={e} />
          <span style={{ fontSize: 12, opacity: 0.8 }}>
            {new Date(e.takenAt).toLocaleString()} · {e.place.address}
            {e.place.lat !== undefined ? ` (${e.place.lat}, ${e.place.lng})` : ''}
          </span>
          {/* The whole checksum, readable on a phone: the file cannot be swapped after the fact. */}
          <code style={{ display: 'block', fontSize: 11, opacity: 0.8, wordBreak: 'break-all' }}>
            SHA-256 {e.sha256}
          </code>
        </span>
      ))}
    </Stack>
  );
}
