/** Where tests find PostgreSQL and Kafka; global setup fills these in before any test runs. */
export const testEnv = {
  get adminDatabaseUrl(): string {
    return process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  },
  get kafkaBrokers(): string[] {
    return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  },
};
