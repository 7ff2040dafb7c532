import {
  context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * Trace context across the broker (W3C `traceparent`/`tracestate`), through the OpenTelemetry API
 * only: with no SDK started (the default, see @otr/runtime's tracing.ts) every call here is a no-op.
 * A command's trace context is stored with its outbox row, the relay's publish span continues it
 * and goes out in the message's headers, and the consumer's span continues that — so one trace runs
 * from the HTTP request to every service that applied its events.
 */
const tracer = trace.getTracer('@otr/messaging');

export type TraceCarrier = Record<string, string>;

/** The active trace context as W3C headers; empty when nothing is traced. */
export function traceCarrier(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Runs fn in a span whose parent is the trace context in `carrier` (an outbox row's, a message's headers). */
export function inSpan<T>(
  name: string,
  kind: SpanKind,
  carrier: TraceCarrier | undefined,
  attributes: Record<string, string | number>,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), carrier ?? {});
  return tracer.startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span continuing `carrier`'s trace; returns it with the headers that carry it on. */
export function startSpan(
  name: string,
  kind: SpanKind,
  carrier: TraceCarrier | undefined,
  attributes: Record<string, string | number>,
): { span: Span; carrier: TraceCarrier } {
  const parent = propagation.extract(ROOT_CONTEXT, carrier ?? {});
  const span = tracer.startSpan(name, { kind, attributes }, parent);
  const out: TraceCarrier = {};
  propagation.inject(trace.setSpan(parent, span), out);
  return { span, carrier: out };
}

export { SpanKind };
