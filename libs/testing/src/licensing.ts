import { Principal } from '@otr/auth';
import { serviceClient } from './service-client';

/** A minimal PDF the storage's magic-byte check accepts; the kind makes each file its own. */
const pdf = (kind: string) =>
  Buffer.from(`%PDF-1.7\n% ${kind}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/**
 * Makes a submitted application ready for its decision as the rulebook's national requirement
 * (licensing.approvalRequirements) asks: the legal representative's identity and, for training on
 * site, the venue lease, the fire-safety acceptance and a conforming site visit (实地核查) — filed
 * by `approver` of the competent department, who must not be the application's filer.
 */
export async function readyForApproval(
  registrationPort: number,
  approver: Principal,
  applicationId: string,
  opts: { online?: boolean } = {},
): Promise<void> {
  const call = serviceClient(registrationPort);
  const kinds = [
    'legal-representative-id',
    ...(opts.online ? [] : ['venue-lease', 'fire-safety-acceptance']),
  ];
  for (const kind of kinds) {
    const body = new FormData();
    body.set('kind', kind);
    body.set('file', new Blob([new Uint8Array(pdf(kind))], { type: 'application/pdf' }), `${kind}.pdf`);
    const attached = await call(approver, 'POST', `/applications/${applicationId}/documents`, body);
    if (attached.status !== 201)
      throw new Error(`attach ${kind}: ${attached.status} ${JSON.stringify(attached.body)}`);
  }
  if (opts.online) return;
  const visited = await call(approver, 'POST', `/applications/${applicationId}/site-visits`, {
    visitedOn: '2026-11-20',
    conforms: true,
    findings: '场地、消防通道与申报一致',
  });
  if (visited.status !== 200)
    throw new Error(`site visit: ${visited.status} ${JSON.stringify(visited.body)}`);
}
