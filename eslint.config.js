import js from '@eslint/js';
import jsdoc from 'eslint-plugin-jsdoc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'validation/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Every random choice flows from a seed: use fast-check's generators, never Math.random.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'draw from the seeded generators instead' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The oracle / emulator boundary (docs/architecture.md, "Boundaries"): neither imports the other's behaviour.
    files: ['oracles/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/emulator/**', '**/suites/targets/**'],
              message: 'oracles/ must not import emulator behaviour (docs/architecture.md, Boundaries)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/oracles/**'],
              message: 'emulator/ must not import oracle behaviour (docs/architecture.md, Boundaries)',
            },
          ],
        },
      ],
    },
  },
  {
    // The core types (docs/architecture.md, "Core types") stand on the fact catalog alone.
    files: ['contracts/**/*.ts', 'syntax/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/apimodel/**',
                '**/validation/**',
                '**/iam/**',
                '**/oracles/**',
                '**/generators/**',
                '**/emulator/**',
                '**/suites/**',
                '**/reports/**',
                '**/cli/**',
              ],
              message: 'contracts/ and syntax/ import only catalog/ (and each other)',
            },
          ],
        },
      ],
    },
  },
  {
    // Every export of the shipped code says what it is.
    files: ['**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**', 'bench/**', 'scripts/**', '**/*.generated.ts'],
    plugins: { jsdoc },
    rules: {
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: { esm: true },
          require: { FunctionDeclaration: true, ClassDeclaration: true, ArrowFunctionExpression: true },
          contexts: [
            'ExportNamedDeclaration > TSInterfaceDeclaration',
            'ExportNamedDeclaration > TSTypeAliasDeclaration',
            'ExportNamedDeclaration > VariableDeclaration',
            'ExportNamedDeclaration > TSEnumDeclaration',
          ],
        },
      ],
    },
  },
  {
    // The AGPL IAM simulator is a reference for tests only; shipped code never imports it.
    files: ['**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@cloud-copilot/iam-simulate', message: 'AGPL: tests and benchmarks only' }] },
      ],
    },
  },
);
