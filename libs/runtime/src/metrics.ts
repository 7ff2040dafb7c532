import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { NextFunction, Request, Response } from 'express';

/** Probes measured at each scrape; each answers 'up' or 'down' within its own time limit. */
export interface MetricProbes {
  broker?: () => Promise<'up' | 'down'>;
}

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
    help: 'Integration events by direction and outcome',
    labelNames: ['direction', 'type', 'outcome'],
    registers: [registry],
  });
  const deadLettered = new Counter({
    name: 'otr_events_dead_lettered_total',
    help: 'Events a consumer refused and dead-lettered (recorded in its service for an operator)',
    labelNames: ['consumer'],
    registers: [registry],
  });
  // Counted at each scrape from the service's dead_letter table, which its ServiceEvents names.
  let openDeadLetters: (() => Promise<Map<string, number>>) | null = null;
  new Gauge({
    name: 'otr_dead_letters_open',
    help: 'Dead letters not yet redriven, or refused again, per consumer',
    labelNames: ['consumer'],
    registers: [registry],
    async collect() {
      if (!openDeadLetters) return;
      // The database away: the scrape still answers (otr_broker_up, HTTP), without this figure.
      const counts = await openDeadLetters().catch(() => null);
      this.reset();
      for (const [consumer, n] of counts ?? []) this.set({ consumer }, n);
    },
  });
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
    res.on('finish', () => end({ route: req.route?.path ?? 'unmatched', status: String(res.statusCode) }));
    next();
  };
  const watchDeadLetters = (count: () => Promise<Map<string, number>>) => {
    openDeadLetters = count;
  };
  return { registry, events, deadLettered, watchDeadLetters, middleware };
}
export type Metrics = ReturnType<typeof createMetrics>;
