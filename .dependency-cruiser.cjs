// The architecture, enforced in lint (`npm run lint:boundaries`, part of `npm test`). Each rule says
// where an import may go; .dependency-cruiser-known-violations.json is the written baseline of what
// broke a rule when it was introduced, to burn to zero — never a place to add new ones.
const project = '^(apps|libs)/([^/]+)/';
const tests = '\\.(int\\.)?spec\\.tsx?$|fixtures?\\.ts$|int-fixtures\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'A domain/ folder holds the rules: no Nest, Prisma, Kafka, SQL, messaging or runtime, and no other layer. Tested without them.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/domain/' },
      to: {
        path: [
          'node_modules/(@nestjs|@prisma|kafkajs|pg|pg-[a-z-]+)/',
          '^libs/(messaging|runtime|storage|testing)/',
          '^apps/[^/]+/src/(application|infrastructure|interface)/',
        ],
      },
    },
    {
      name: 'application-not-infrastructure',
      comment: 'application/ speaks to the world through ports; infrastructure/ implements them, interface/ calls in.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/application/' },
      to: { path: '^apps/[^/]+/src/(infrastructure|interface)/' },
    },
    {
      name: 'infrastructure-not-interface',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/infrastructure/' },
      to: { path: '^apps/[^/]+/src/interface/' },
    },
    {
      name: 'app-not-another-app',
      comment:
        "An app's code never imports another app: facts cross as integration events (libs/contracts). The embedded platform composes them, and tests may start other services to talk to.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: ['^apps/platform/', tests] },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-not-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'through-public-entry',
      comment:
        "Another project is imported only through its public entry (src/index.ts, or browser.ts for the browser-safe part), never a file inside it or a relative path into it.",
      severity: 'error',
      from: { path: project },
      to: { path: '^(apps|libs)/', pathNot: ['^$1/$2/', '^(apps|libs)/[^/]+/(src/index|browser)\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: tests },
      to: { circular: true },
    },
  ],
  options: {
    // Generated code (the Prisma clients under infrastructure/prisma/generated) is a target like any
    // other file, so an import of it is held to the rules (application/ may not reach infrastructure/
    // through it); it is just not traversed. Excluding it hid every such import (issue #15).
    doNotFollow: { path: ['node_modules', '/generated/'] },
    // test/boundaries/fixture breaks every rule on purpose (boundaries.spec.ts runs the rules there).
    exclude: { path: ['/dist/', '\\.d\\.ts$', '^test/boundaries/fixture/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
