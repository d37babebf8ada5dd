// Jest runs the TypeScript sources as native ES modules (Nest 12 ships only ESM), transpiled by swc
// with decorator metadata kept for Nest's dependency injection.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// Node 20 lets CommonJS require an ES module, jest's own module loader does not: @fastify/static
// (CommonJS) requires content-disposition (ESM only), so jest gets that package as CommonJS.
const esmOnlyRequiredFromCommonJs = ['content-disposition'];
const swcToCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const aliases = Object.fromEntries(
  ['config', 'events', 'extraction', 'feeds', 'projections', 'storage', 'transport', 'testing', 'platform'].map(
    (lib) => [`^@sitrep/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`],
  ),
);

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${esmOnlyRequiredFromCommonJs.join('|')})/.+\\.js$`]: swcToCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyRequiredFromCommonJs.join('|')})/)`],
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  ...extra,
});

export default {
  projects: [
    project('unit', ['<rootDir>/{apps,libs}/**/*.spec.ts']),
    project('int', ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], {
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    }),
    project('e2e', ['<rootDir>/test/**/*.e2e-spec.ts'], {
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    }),
  ],
};
