/** The library's own small transport port: Kafka in production, in-process in the embedded mode. */
export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** What a handler holding its partition for long (retrying through an outage) tells the transport. */
export interface DeliveryControl {
  /** Keeps the group membership while the handler waits (Kafka evicts a silent member). */
  heartbeat(): Promise<void>;
  /** False once the subscription is stopping or the partition went to another member: give up. */
  isRunning(): boolean;
}

/** Resolves once the message's effect is durable; the transport then moves the group's position past it. */
export type MessageHandler = (message: IncomingMessage, control: DeliveryControl) => Promise<void>;

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
}

export interface Subscription {
  stop(): Promise<void>;
}

/** How far a consumer group is behind the end of one partition, in messages. */
export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export interface Transport {
  /** Publishes in order; resolves only when every message is acknowledged. */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription>;
  /** Resolves when the transport can publish (readiness checks). */
  ping(): Promise<void>;
  /** The group's lag per partition, where the broker can tell (the in-process transport has none). */
  consumerLag?(groupId: string, topics: string[]): Promise<PartitionLag[]>;
  close(): Promise<void>;
}
