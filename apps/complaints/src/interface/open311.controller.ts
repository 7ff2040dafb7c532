import { All, Body, Controller, Get, Headers, Inject, Param, Post, Query, UseFilters } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Public } from '@otr/auth';
import { Clock } from '@otr/kernel';
import { FileComplaintCommand } from '../application/file-complaint/file-complaint.command';
import {
  complaintOf,
  filterOf,
  GeoReportRefusal,
  receiptOf,
  serviceDefinition,
  serviceList,
  serviceRequestOf,
} from '../application/hotline/georeport';
import { hotlineOrigin } from '../application/actor';
import { HotlineRequestsQuery } from '../application/hotline/hotline-requests';
import { HotlineSystems } from '../application/ports';
import { CLOCK_TOKEN, HOTLINE_SYSTEMS } from '../application/tokens';
import { Refuses, RefusesAs, Returns } from '@otr/runtime';
import {
  GeoReportErrors as GeoReportErrorBody,
  GeoReportReceipts,
  GeoReportRequests,
  GeoReportServiceDefinition,
  GeoReportServices,
} from './answers';
import { GeoReportErrors } from './georeport-errors';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** `TS20261128-7K3M9Q.json` → `TS20261128-7K3M9Q`; JSON is the one format served. */
function jsonName(file: string): string {
  const name = /^(.+)\.json$/.exec(file)?.[1];
  if (!name) throw GeoReportRefusal.of(404, 'only the JSON format is served: add .json');
  return name;
}

/**
 * The 12345 hotline's API, shaped after Open311 GeoReport v2 (the gateway serves it at
 * /api/open311/v2). Services are the complaint categories; a hotline system files work orders
 * and follows its own, identified by its api_key, never by an official's session.
 */
@Controller('open311/v2')
@Public()
@UseFilters(GeoReportErrors)
// GeoReport's own error shape, not problem+json (docs/integration.md, "Errors").
@RefusesAs(GeoReportErrorBody)
export class Open311Controller {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(HOTLINE_SYSTEMS) private readonly systems: HotlineSystems,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  @Get('services.json')
  @Returns(GeoReportServices)
  services() {
    return serviceList();
  }

  @Get('services/:file')
  @Returns(GeoReportServiceDefinition)
  service(@Param('file') file: string) {
    const code = jsonName(file);
    const definition = serviceDefinition(code);
    if (!definition) throw GeoReportRefusal.of(404, `service_code: no service ${code}`);
    return definition;
  }

  @Post('requests.json')
  @Returns(GeoReportReceipts)
  // The body is read here (JSON or form-encoded) and the system known by its api_key.
  @Refuses(400, 403)
  async file(
    @Body() body: Record<string, unknown> | undefined,
    @Query('api_key') queryKey: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const system = this.systemOf(body?.api_key ?? queryKey);
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw GeoReportRefusal.of(400, 'Idempotency-Key: 8–128 letters, digits, - or _');
    const { form, receivedAt } = complaintOf(body ?? {});
    const receipt = await this.commands.execute(
      new FileComplaintCommand(form, 'hotline-12345', { kind: 'system' }, hotlineOrigin(system), {
        intakeSystem: system,
        ...(receivedAt ? { receivedAt } : {}),
        // Keys are the hotline's own: another system's key of the same text is another request.
        ...(key ? { idempotencyKey: `hotline-${system}-${key}` } : {}),
      }),
    );
    const [filed] = await this.requests(system, { trackingNumbers: [receipt.trackingNumber], limit: 1 });
    return [receiptOf(filed)];
  }

  @Get('requests.json')
  @Returns(GeoReportRequests)
  @Refuses(400, 403)
  async list(@Query() query: Record<string, unknown>) {
    const system = this.systemOf(query.api_key);
    const { api_key: _key, jurisdiction_id: _jurisdiction, ...filters } = query;
    const found = await this.requests(system, filterOf(filters, this.clock.now()));
    return found.map(serviceRequestOf);
  }

  @Get('requests/:file')
  @Returns(GeoReportRequests)
  @Refuses(403)
  async one(@Param('file') file: string, @Query('api_key') apiKey: string | undefined) {
    const system = this.systemOf(apiKey);
    const id = jsonName(file);
    const [found] = await this.requests(system, { trackingNumbers: [id], limit: 1 });
    if (!found) throw GeoReportRefusal.of(404, `service_request_id: no request ${id}`);
    return [serviceRequestOf(found)];
  }

  /** Anything else under the prefix: GeoReport's 404, not the service's. */
  @All('*path')
  unknown() {
    throw GeoReportRefusal.of(404, 'no such GeoReport resource');
  }

  private systemOf(apiKey: unknown): string {
    const system = this.systems.identify(typeof apiKey === 'string' ? apiKey : undefined);
    if (!system) throw GeoReportRefusal.of(403, 'api_key: missing or not valid');
    return system;
  }

  private requests(system: string, filter: ConstructorParameters<typeof HotlineRequestsQuery>[1]) {
    return this.queries.execute(new HotlineRequestsQuery(system, filter));
  }
}
