import tseslint from 'typescript-eslint';

// Pure libraries decide; they must not reach for Nest, the database or the broker.
const PURE_LIBS_MAY_NOT_IMPORT = {
  patterns: [
    {
      group: [
        '@nestjs/*',
        'pg',
        'kafkajs',
        '@sitrep/storage',
        '@sitrep/transport',
        '@sitrep/platform',
        '@sitrep/feeds',
      ],
      message: 'events, extraction and projections are pure: no Nest, pg, kafkajs or adapters.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.sitrep/', 'coverage/', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@sitrep/*/src/*', '**/libs/*'], message: 'Import a lib by its alias, @sitrep/<lib>.' }],
        },
      ],
    },
  },
  {
    // Jest's matchers (expect.objectContaining…) are typed any, and waitFor probes may be synchronous.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['libs/events/**/*.ts', 'libs/extraction/**/*.ts', 'libs/projections/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'no-restricted-imports': ['error', PURE_LIBS_MAY_NOT_IMPORT] },
  },
);
