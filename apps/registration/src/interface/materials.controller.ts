import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { NoIdNumberHashes } from './no-id-number-hashes.interceptor';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { z } from 'zod';
import { assertCanRead, CurrentPrincipal, originOf, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { Returns, UuidPipe, validationFailed, ZodPipe } from '@otr/runtime';
import { applicationView, ApplicationView } from './answers';
import { BlobStore, defaultPolicy } from '@otr/storage';
import { ApplicationDocument, ApplicationState, DOCUMENT_KINDS } from '../domain/license-application';
import {
  AttachDocumentCommand,
  BLOB_STORE,
  RecordSiteVisitCommand,
} from '../application/materials/materials';
import { APPLICATIONS, ApplicationRepository } from '../application/ports';

const DocumentBody = z.object({ kind: z.enum(DOCUMENT_KINDS) });
const SiteVisitBody = z.object({
  visitedOn: IsoDate,
  conforms: z.boolean(),
  findings: z.string().trim().max(5000).default(''),
});
type DocumentInput = z.infer<typeof DocumentBody>;
type SiteVisitInput = z.infer<typeof SiteVisitBody>;

/** The part of a multer file this controller reads. */
interface UploadedPart {
  buffer: Buffer;
  mimetype: string;
  originalname: string;
}

/** Operators see their own institution's applications; officials those in their jurisdiction. */
export function assertCanSee(p: Principal, application: ApplicationState): void {
  assertCanRead(p, 'application', {
    institutionId: application.institutionId,
    district: application.form.district,
  });
}

/** Application materials (申请材料) and the approver's site visit. */
@UseInterceptors(NoIdNumberHashes)
@Controller('applications/:id')
export class MaterialsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post('documents')
  @Returns(ApplicationDocument)
  @Roles('institution-operator', 'approver')
  // One byte over the limit is enough for the store to refuse with the field and the rule.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: defaultPolicy.maxBytes + 1, files: 1 } }))
  async attach(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(DocumentBody)) body: DocumentInput,
    @UploadedFile() file: UploadedPart | undefined,
    @CurrentPrincipal() p: Principal,
  ) {
    if (!file) throw validationFailed([{ field: 'file', rule: 'required' }]);
    assertCanSee(p, await this.applications.load(id));
    const upload = { content: file.buffer, contentType: file.mimetype, filename: file.originalname };
    return this.commands.execute(new AttachDocumentCommand(id, body.kind, upload, originOf(p)));
  }

  @Get('documents/:sha256')
  @Returns({
    mediaType: 'application/octet-stream',
    description: 'The document as filed, in its own content type (PDF, JPEG, PNG …).',
  })
  @Roles('approver', 'institution-operator', 'task-force-officer', 'viewer')
  async download(
    @Param('id', new UuidPipe()) id: string,
    @Param('sha256') sha256: string,
    @CurrentPrincipal() p: Principal,
  ) {
    const application = await this.applications.load(id);
    assertCanSee(p, application);
    const document = application.documents.find((d) => d.sha256 === sha256);
    if (!document) throw new NotFoundException(`no document ${sha256} on this application`);
    const { stream } = await this.blobs.get(sha256);
    return new StreamableFile(stream, { type: document.contentType, length: document.size });
  }

  @Post('site-visits')
  @HttpCode(200)
  @Returns(ApplicationView)
  @Roles('approver')
  async recordSiteVisit(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(SiteVisitBody)) body: SiteVisitInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return applicationView(
      await this.commands.execute(new RecordSiteVisitCommand(id, body, originOf(p), p)),
      p,
    );
  }
}
