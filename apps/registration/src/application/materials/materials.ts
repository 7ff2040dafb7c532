import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { BlobStore } from '@otr/storage';
import {
  ApplicationDocument,
  ApplicationState,
  attachDocument,
  Decider,
  recordSiteVisit,
  SiteVisit,
} from '../../domain/license-application';
import { DecideOnApplication } from '../decide-on-application';

export const BLOB_STORE = Symbol('BlobStore');

/** An uploaded file as the interface hands it over. */
export interface Upload {
  content: Buffer;
  contentType: string;
  filename?: string;
}

/** Files a document with an application; the bytes are stored by hash before the application records it. */
export class AttachDocumentCommand extends Command<ApplicationDocument> {
  constructor(
    readonly applicationId: string,
    readonly kind: ApplicationDocument['kind'],
    readonly upload: Upload,
    readonly origin: EventOrigin,
  ) {
    super();
  }
}

export class RecordSiteVisitCommand extends Command<ApplicationState> {
  constructor(
    readonly applicationId: string,
    readonly visit: Omit<SiteVisit, 'by'>,
    readonly origin: EventOrigin,
    readonly by: Decider,
  ) {
    super();
  }
}

@CommandHandler(AttachDocumentCommand)
export class AttachDocumentHandler implements ICommandHandler<AttachDocumentCommand> {
  constructor(
    private readonly decide: DecideOnApplication,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ applicationId, kind, upload, origin }: AttachDocumentCommand) {
    // Content-addressed: storing first and failing to record later leaves an orphan, never a dangling reference.
    const stored = await this.blobs.put(upload.content, {
      contentType: upload.contentType,
      filename: upload.filename,
      field: 'file',
    });
    const document: ApplicationDocument = {
      sha256: stored.sha256,
      kind,
      contentType: stored.contentType,
      size: stored.size,
      ...(upload.filename ? { filename: upload.filename } : {}),
    };
    await this.decide.run(applicationId, origin, (s) => attachDocument(s, document));
    return document;
  }
}

@CommandHandler(RecordSiteVisitCommand)
export class RecordSiteVisitHandler implements ICommandHandler<RecordSiteVisitCommand> {
  constructor(private readonly decide: DecideOnApplication) {}

  execute({ applicationId, visit, origin, by }: RecordSiteVisitCommand) {
    return this.decide.run(applicationId, origin, (s) =>
      recordSiteVisit(s, { ...visit, by: origin.actor.userId }, by),
    );
  }
}

export const materialHandlers = [AttachDocumentHandler, RecordSiteVisitHandler];
