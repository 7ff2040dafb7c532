/** A minimal PDF the storage's magic-byte check accepts; the kind makes each file its own. */
const pdf = (kind: string) =>
  Buffer.from(`%PDF-1.7\n% ${kind}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/**
 * Through the gateway, as the deciding approver (never the filer): the documents and the conforming
 * site visit the rulebook's national licensing.approvalRequirements asks before an application
 * training on site may be approved.
 */
export async function readyForApproval(gatewayUrl: string, token: string, applicationId: string) {
  const base = `${gatewayUrl}/api/registration/applications/${applicationId}`;
  const authorization = `Bearer ${token}`;
  for (const kind of ['legal-representative-id', 'venue-lease', 'fire-safety-acceptance']) {
    const body = new FormData();
    body.set('kind', kind);
    body.set('file', new Blob([new Uint8Array(pdf(kind))], { type: 'application/pdf' }), `${kind}.pdf`);
    const res = await fetch(`${base}/documents`, { method: 'POST', headers: { authorization }, body });
    if (res.status !== 201) throw new Error(`attach ${kind} → ${res.status} ${await res.text()}`);
  }
  const res = await fetch(`${base}/site-visits`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ visitedOn: '2026-11-20', conforms: true, findings: '场地、消防通道与申报一致' }),
  });
  if (res.status !== 200) throw new Error(`site visit → ${res.status} ${await res.text()}`);
}
