/** One Kafka topic per bounded context; message key = institution id keeps one institution's facts in order. */
export const Topics = {
  registration: 'otr.registration',
  inspection: 'otr.inspection',
  fees: 'otr.fees',
  complaints: 'otr.complaints',
  directory: 'otr.directory',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: Topic[] = Object.values(Topics);

/** Dead letters keep the original message and carry the error in headers. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
