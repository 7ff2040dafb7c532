import { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@otr/auth';
import { BlobNotFound, BlobStore } from '@otr/storage';
import { EvidenceFile } from '../../domain/evidence';
import { ComplaintRepository } from '../ports';
import { COMPLAINTS, EVIDENCE } from '../tokens';
import { assertOfficialOver } from './complaint-details';

/**
 * One evidence file of a complaint, for the officials over its district. Never for the
 * institution complained about: a photo or a receipt can show who complained.
 */
export class EvidenceFileQuery extends Query<{ file: EvidenceFile; stream: Readable }> {
  constructor(
    readonly complaintId: string,
    readonly sha256: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(EvidenceFileQuery)
export class EvidenceFileHandler implements IQueryHandler<EvidenceFileQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(EVIDENCE) private readonly blobs: BlobStore,
  ) {}

  async execute({ complaintId, sha256, principal }: EvidenceFileQuery) {
    const { state } = await this.complaints.load(complaintId);
    assertOfficialOver(principal, state);
    const file = state.evidence.find((f) => f.sha256 === sha256);
    if (!file) throw new BlobNotFound(sha256);
    const { stream } = await this.blobs.get(sha256);
    return { file, stream };
  }
}
