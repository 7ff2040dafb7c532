/** The process cannot start as configured; the message names each variable and what is wrong. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}
