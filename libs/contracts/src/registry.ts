import { z } from 'zod';
import { Envelope } from './envelope';

export interface EventDefinition<
  T extends string = string,
  V extends number = number,
  S extends z.ZodType = z.ZodType,
> {
  type: T;
  version: V;
  /** One of Topics; tests may use their own. */
  topic: string;
  payload: S;
}

export type PayloadOf<D extends EventDefinition> = z.infer<D['payload']>;
export type EventOf<D extends EventDefinition> = Envelope<PayloadOf<D>> & {
  type: D['type'];
  version: D['version'];
};

export function defineEvent<T extends string, V extends number, S extends z.ZodType>(
  def: EventDefinition<T, V, S>,
): EventDefinition<T, V, S> {
  return def;
}

/** Thrown when an envelope or payload does not match its contract; consumers dead-letter it. */
export class ContractViolation extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: string[],
  ) {
    super(`${eventType}: ${issues.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

const key = (type: string, version: number) => `${type}@v${version}`;

const describe = (error: z.ZodError): string[] =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);

/** Every known (type, version): validation on publish and on consume goes through here. */
export class ContractRegistry {
  private readonly byKey = new Map<string, EventDefinition>();

  constructor(definitions: EventDefinition[]) {
    for (const d of definitions) {
      if (this.byKey.has(key(d.type, d.version)))
        throw new Error(`duplicate contract ${key(d.type, d.version)}`);
      this.byKey.set(key(d.type, d.version), d);
    }
  }

  definition(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(key(type, version));
  }

  all(): EventDefinition[] {
    return [...this.byKey.values()];
  }

  /** Parses an unknown value into a validated envelope whose payload matches its (type, version) schema. */
  parse(raw: unknown): Envelope {
    const env = Envelope.safeParse(raw);
    if (!env.success) {
      const t =
        typeof raw === 'object' && raw && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown';
      throw new ContractViolation(t, describe(env.error));
    }
    const def = this.definition(env.data.type, env.data.version);
    if (!def) throw new ContractViolation(env.data.type, [`unknown event version v${env.data.version}`]);
    const payload = def.payload.safeParse(env.data.payload);
    if (!payload.success)
      throw new ContractViolation(
        env.data.type,
        describe(payload.error).map((m) => `payload.${m}`),
      );
    return { ...env.data, payload: payload.data };
  }
}
