import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { NextFunction, Request, Response } from 'express';
import onHeaders from 'on-headers';
import type { ConsumerMetrics, OutboxBacklog, PartitionLag, RelayMetrics } from '@otr/messaging';

/** Probes measured at each scrape; each answers 'up' or 'down' within its own time limit. */
export interface MetricProbes {
  broker?: () => Promise<'up' | 'down'>;
}

/**
 * The route template a service matched, sent back to the gateway so its HTTP metrics are labelled
 * by template (never a raw id); the gateway strips it before answering the client.
 */
export const ROUTE_TEMPLATE_HEADER = 'x-otr-route';
/** Where a middleware that routes without Express (the gateway's proxy) leaves the label for a request. */
export const METRICS_ROUTE_LOCAL = 'otrMetricsRoute';

/**
 * Business counters, counted as the relay publishes the service's own events (after commit; a
 * relay crash between send and mark re-sends a batch, so they may over-count by that batch).
 */
const BUSINESS: Record<string, [name: string, label: string, value: string]> = {
  'registration.ApplicationSubmitted': ['otr_applications_total', 'outcome', 'submitted'],
  'registration.ApplicationApproved': ['otr_applications_total', 'outcome', 'approved'],
  'registration.ApplicationRejected': ['otr_applications_total', 'outcome', 'rejected'],
  'registration.ApplicationReturned': ['otr_applications_total', 'outcome', 'returned'],
  'fees.PaymentReceived': ['otr_escrow_movements_total', 'kind', 'payment'],
  'fees.FundsReleased': ['otr_escrow_movements_total', 'kind', 'release'],
  'fees.RefundPaid': ['otr_escrow_movements_total', 'kind', 'refund'],
  'fees.InstitutionFundsFrozen': ['otr_escrow_movements_total', 'kind', 'freeze'],
  'complaints.ComplaintFiled': ['otr_complaints_total', 'outcome', 'filed'],
  'complaints.ComplaintClosed': ['otr_complaints_total', 'outcome', 'closed'],
  'complaints.SlaBreached': ['otr_complaints_total', 'outcome', 'sla-breached'],
};
const BUSINESS_HELP: Record<string, string> = {
  otr_applications_total: 'License applications by outcome (registration)',
  otr_escrow_movements_total: 'Escrow account movements by kind (fee supervision)',
  otr_complaints_total: 'Complaints filed, closed and past their deadline (complaints)',
};

type Rows = Array<[labels: Record<string, string>, value: number]>;

/** One Prometheus registry per service, labelled with the service name. */
export function createMetrics(service: string, probes: MetricProbes = {}) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const events = new Counter({
    name: 'otr_events_total',
    help: 'Integration events: published by the relay (out), or applied, duplicate, ignored or dead-lettered by a consumer (in)',
    labelNames: ['direction', 'type', 'outcome', 'consumer'],
    registers: [registry],
  });
  const deadLettered = new Counter({
    name: 'otr_events_dead_lettered_total',
    help: 'Events a consumer refused and dead-lettered (recorded in its service for an operator)',
    labelNames: ['consumer'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'otr_consumer_retries_total',
    help: 'Failed tries a consumer will repeat: refused (dead-lettered after a few) or passing (retried until it passes)',
    labelNames: ['consumer', 'failure'],
    registers: [registry],
  });
  const relayErrors = new Counter({
    name: 'otr_relay_errors_total',
    help: 'Outbox relay turns that failed (broker or database away); the relay backs off and tries again',
    registers: [registry],
  });
  const business = new Map<string, Counter>();
  for (const [name, label] of Object.values(BUSINESS))
    if (!business.has(name))
      business.set(
        name,
        new Counter({ name, help: BUSINESS_HELP[name], labelNames: [label], registers: [registry] }),
      );

  /**
   * A gauge measured at each scrape by `read`, set once something watches it. A failing read (the
   * database or broker away) leaves it out of that scrape; the rest of the scrape still answers.
   */
  const scraped = (name: string, help: string, labelNames: string[]) => {
    let read: (() => Promise<Rows>) | null = null;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        if (!read) return;
        // Bounded: a scrape must answer even when the broker's admin client waits out its retries.
        const rows = await Promise.race([read(), new Promise<null>((r) => setTimeout(r, 2000, null))]).catch(
          () => null,
        );
        this.reset();
        // Unlabelled, it cannot be left out: NaN says "not measured" where 0 would say "all clear".
        if (!rows && labelNames.length === 0) this.set(NaN);
        for (const [labels, value] of rows ?? []) this.set(labels, value);
      },
    });
    return (fn: () => Promise<Rows>) => {
      read = fn;
    };
  };
  const watchDeadLettersGauge = scraped(
    'otr_dead_letters_open',
    'Dead letters not yet redriven, or refused again, per consumer',
    ['consumer'],
  );
  const watchBacklog = scraped(
    'otr_outbox_unpublished',
    'Outbox rows not yet published (read from the outbox table at each scrape)',
    [],
  );
  const watchBacklogAge = scraped(
    'otr_outbox_oldest_unpublished_seconds',
    'Age of the oldest unpublished outbox row; 0 when the outbox is drained',
    [],
  );
  const watchLagGauge = scraped(
    'otr_consumer_lag',
    'Messages a consumer group is behind the end of a partition (Kafka only, read at each scrape)',
    ['group', 'topic', 'partition'],
  );
  // The broker's health is a metric to alert on, not a readiness condition: writes go to the
  // outbox while it is away and drain when it returns (docs/deployment.md, Health and alerts).
  const { broker } = probes;
  if (broker) {
    new Gauge({
      name: 'otr_broker_up',
      help: 'Whether the event broker answered a ping at this scrape (1) or not (0)',
      registers: [registry],
      async collect() {
        this.set((await broker()) === 'up' ? 1 : 0);
      },
    });
  }
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const end = httpDuration.startTimer({ method: req.method });
    // Tells a caller (the gateway) which template this request matched; known once routed.
    onHeaders(res, () => {
      if (req.route?.path) res.setHeader(ROUTE_TEMPLATE_HEADER, String(req.route.path));
    });
    res.on('finish', () =>
      end({
        route: req.route?.path ?? (res.locals[METRICS_ROUTE_LOCAL] as string | undefined) ?? 'unmatched',
        status: String(res.statusCode),
      }),
    );
    next();
  };
  const relay: RelayMetrics = {
    published: (types) => {
      for (const type of types) {
        events.inc({ direction: 'out', type, outcome: 'published', consumer: '' });
        const counted = BUSINESS[type];
        if (counted) business.get(counted[0])!.inc({ [counted[1]]: counted[2] });
      }
    },
    failed: () => relayErrors.inc(),
  };
  const consumers: ConsumerMetrics = {
    outcome: (consumer, type, outcome) => events.inc({ direction: 'in', type, outcome, consumer }),
    retried: (consumer, _type, failure) => retries.inc({ consumer, failure }),
  };
  const watchDeadLetters = (count: () => Promise<Map<string, number>>) =>
    watchDeadLettersGauge(async () => [...(await count())].map(([consumer, n]) => [{ consumer }, n]));
  const watchOutbox = (backlog: () => Promise<OutboxBacklog>) => {
    // One query per scrape for both gauges: the first to collect reads, the second takes its answer.
    let pending: Promise<OutboxBacklog> | null = null;
    const read = () => (pending ??= backlog().finally(() => setImmediate(() => (pending = null))));
    watchBacklog(async () => [[{}, (await read()).rows]]);
    watchBacklogAge(async () => [[{}, (await read()).oldestSeconds]]);
  };
  const watchLag = (lag: () => Promise<Array<PartitionLag & { group: string }>>) =>
    watchLagGauge(async () =>
      (await lag()).map((l) => [{ group: l.group, topic: l.topic, partition: String(l.partition) }, l.lag]),
    );
  return {
    registry,
    events,
    deadLettered,
    relay,
    consumers,
    watchDeadLetters,
    watchOutbox,
    watchLag,
    /** A service's own gauge read at each scrape (complaints by SLA state). */
    scraped,
    middleware,
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
