import { useEffect, useState } from 'react';
import { HttpError } from 'react-admin';
import type { ProblemBody } from '../providers/problems';
import { apiFetch } from '../providers/session';
import type { StoredFile } from './inspection-file';

/**
 * The inspection service's routes that are not records: code lists, the score sheet, the fine
 * helper, the checklist (PUT) and evidence uploads. Refusals are thrown as HttpError with the
 * service's body, so CommandDialog places them under the inputs like any other command's.
 */
export const INSPECTION_API = '/api/inspection';

async function read<T>(res: Response): Promise<T> {
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new HttpError(body?.detail ?? res.statusText, res.status, body);
  return body as T;
}

/** A refusal naming a field the form shows under another name (fen sent, yuan typed). */
export function renameFields(e: unknown, names: Record<string, string>) {
  const body = (e as HttpError).body as ProblemBody | undefined;
  if (!body) return e;
  // The last segment of the path is renamed: content.finances.incomeFen → content.finances.incomeYuan.
  const rename = (f: string) => {
    const last = f.split('.').pop() ?? '';
    return names[last] ? `${f.slice(0, -last.length)}${names[last]}` : f;
  };
  const renamed = {
    ...body,
    ...(body.errors ? { errors: body.errors.map((i) => ({ ...i, field: rename(i.field) })) } : {}),
  };
  return new HttpError((e as Error).message, (e as HttpError).status, renamed);
}

export const inspectionGet = async <T>(path: string): Promise<T> =>
  read<T>(await apiFetch(`${INSPECTION_API}${path}`));

export const inspectionSend = async <T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> =>
  read<T>(await apiFetch(`${INSPECTION_API}${path}`, { method, body: JSON.stringify(body) }));

/** POST /evidence: the file itself as the body with its content type; the answer cites its SHA-256. */
export async function uploadEvidence(file: File): Promise<StoredFile> {
  const res = await apiFetch(`${INSPECTION_API}/evidence`, {
    method: 'POST',
    body: file,
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-filename': encodeURIComponent(file.name),
    },
  });
  return read<StoredFile>(res);
}

/** A reference list fetched once per screen (codes, penalty types, the score sheet); undefined while loading. */
export function useLookup<T>(path: string | undefined): { data?: T; error?: Error } {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  useEffect(() => {
    if (!path) return;
    let live = true;
    inspectionGet<T>(path).then(
      (data) => live && setState({ data }),
      (error: Error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}

export interface ViolationCode {
  code: string;
  name: string;
}
export interface PenaltyType {
  type: string;
  name: string;
  article: string;
  licenseAction: string;
}
