import { Controller, Get, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { canRead, CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { z } from 'zod';
import { ProblemException, Refuses, Returns, validationFailed } from '@otr/runtime';
import { BlobNotFound, BlobStore, isSha256 } from '@otr/storage';
import { EVIDENCE, InspectionStore, STORE } from '../application/ports';
import { READERS } from './http';

/** Content types accepted as evidence; the body arrives raw (see inspectionService.configure). */
export const EVIDENCE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'video/mp4',
  'text/plain',
];

/** The x-filename header: the file's name, percent-encoded (the console sends encodeURIComponent of it). */
function decodeFilename(header: string): string {
  let name: string | undefined;
  try {
    name = decodeURIComponent(header);
  } catch {
    // A malformed escape (%E0%A4%A) threw URIError, a 500 before.
  }
  if (name === undefined || name.includes('\u0000'))
    throw validationFailed([
      { field: 'x-filename', rule: 'the file name, percent-encoded UTF-8 without NUL' },
    ]);
  return name;
}

/** The stored file: its SHA-256 is what a violation or rectification report cites. */
const StoredEvidence = z.object({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the content, lowercase hex.'),
  size: z.number().int().describe('Bytes.'),
  contentType: z.string(),
  filename: z.string().optional(),
});

/**
 * Evidence files (photos, documents) stored by content: the answer is the SHA-256 the violation
 * or rectification report then cites, so a file cannot be swapped after the fact.
 */
@Controller('evidence')
export class EvidenceController {
  constructor(
    @Inject(EVIDENCE) private readonly blobs: BlobStore,
    @Inject(STORE) private readonly store: InspectionStore,
  ) {}

  @Post()
  @Roles('inspector', 'institution-operator', 'task-force-officer')
  @Returns(StoredEvidence)
  @Refuses(400, 413)
  async upload(
    @Req() req: Request,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-filename') filename: string | undefined,
  ) {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        detail: `send the file as the request body with its content type (${EVIDENCE_TYPES.join(', ')})`,
        errors: [{ field: 'file', rule: `one of ${EVIDENCE_TYPES.join(', ')}` }],
      });
    return this.blobs.put(req.body, {
      contentType: contentType ?? 'application/octet-stream',
      ...(filename ? { filename: decodeFilename(filename) } : {}),
      field: 'file',
    });
  }

  /**
   * A file is served through the records that cite it, with their read check: the blob store is
   * shared with registration and complaints, so a hash alone (a complaint photo, another
   * institution's application document) opens nothing here. Not cited, or cited only by records
   * the caller may not read: 404, saying no more than an unknown hash would.
   */
  @Get(':sha256')
  @Roles(...READERS, 'institution-operator')
  @Returns({
    mediaType: 'application/octet-stream',
    description: 'The file as uploaded, in its own content type; x-content-sha256 names its hash.',
  })
  async download(@Param('sha256') sha256: string, @CurrentPrincipal() p: Principal, @Res() res: Response) {
    if (!isSha256(sha256)) throw validationFailed([{ field: 'sha256', rule: '64 lowercase hex characters' }]);
    const citedBy = await this.store.evidenceCitedBy(sha256);
    if (!citedBy.some((r) => canRead(p, 'inspection-evidence', r.subject))) throw new BlobNotFound(sha256);
    const { stream, blob } = await this.blobs.get(sha256);
    res.setHeader('content-type', blob.contentType);
    res.setHeader('x-content-sha256', blob.sha256);
    stream.pipe(res);
  }
}
