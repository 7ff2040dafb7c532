import { AsyncLocalStorage } from 'node:async_hooks';

/** Carries the correlation id through HTTP requests and Kafka deliveries so every log line has it. */
export interface MessageContext {
  correlationId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<MessageContext>();

export const runWithContext = <T>(ctx: MessageContext, fn: () => T): T => storage.run(ctx, fn);
export const currentContext = (): MessageContext | undefined => storage.getStore();
