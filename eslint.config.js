import js from '@eslint/js';
import jsdoc from 'eslint-plugin-jsdoc';
import tseslint from 'typescript-eslint';

/**
 * The import boundaries (docs/architecture.md, "Boundaries"). ESLint keeps one setting of a rule
 * per file, the last that matches, so every file's restrictions are put together here into one
 * `no-restricted-imports` each, rather than written as blocks that would override each other.
 */
const AGPL = { name: '@cloud-copilot/iam-simulate', message: 'AGPL: tests and benchmarks only' };
const NOT_SHIPPED = ['**/*.test.ts', '**/testing/**', 'bench/**', 'scripts/**'];
const BOUNDARIES = [
  {
    files: ['oracles/**/*.ts'],
    group: ['**/emulator/**', '**/suites/targets/**'],
    message: 'oracles/ must not import emulator behaviour (docs/architecture.md, Boundaries)',
  },
  {
    files: ['emulator/**/*.ts'],
    group: ['**/oracles/**'],
    message: 'emulator/ must not import oracle behaviour (docs/architecture.md, Boundaries)',
  },
  {
    files: ['serve/**/*.ts'],
    group: ['**/oracles/**', '**/suites/**', '**/cli/**'],
    message:
      'serve/ answers from the emulator alone: never oracles/, suites/ or cli/ (docs/architecture.md, Boundaries)',
  },
  {
    files: ['contracts/**/*.ts', 'syntax/**/*.ts'],
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
  {
    files: ['suites/runner.ts', 'suites/caseRun.ts', 'suites/caseOrder.ts', 'suites/runReporters.ts'],
    group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'],
    message: 'the runner only emits events: files are written by reporters under reports/',
    shippedOnly: true,
  },
  {
    files: ['cli/commands/*.ts'],
    group: ['./*'],
    message: 'a command imports no module beside it: shared pieces live in cli/ or its other folders',
    shippedOnly: true,
  },
  {
    files: ['reports/**/*.ts', 'suites/**/*.ts', 'generators/**/*.ts', 'emulator/**/*.ts', 'oracles/**/*.ts'],
    group: ['**/cli/**'],
    message: 'the library does not import the command line (its tests may drive it)',
    shippedOnly: true,
  },
];

// A glob of the BOUNDARIES as a regular expression: they use only "**" + "/" and "*".
const globRegex = (glob) => {
  const escaped = glob.replace(/[.+?^()|[\]\\]/g, (c) => '\\' + c);
  return new RegExp('^' + escaped.replace(/\*\*\//g, '(.*/)?').replace(/\*/g, '[^/]*') + '$');
};

/** A path the glob matches: each wildcard stands for one segment. */
const sample = (glob) => glob.replace(/\*\*\//g, 'a/').replace(/\*/g, 'x');

/** The restrictions of a glob's files: every boundary whose files take them in, and AGPL when shipped. */
function restrictions(glob, shipped) {
  const applying = BOUNDARIES.filter(
    (b) => (shipped || !b.shippedOnly) && b.files.some((f) => globRegex(f).test(sample(glob))),
  );
  return {
    files: [glob],
    ...(shipped ? { ignores: NOT_SHIPPED } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...(shipped ? { paths: [AGPL] } : {}),
          patterns: applying.map((b) => ({ group: b.group, message: b.message })),
        },
      ],
    },
  };
}

/** Every glob of the boundaries, the wider before the narrower (ESLint's last match wins). */
const ALL_GLOBS = [...new Set(BOUNDARIES.flatMap((b) => b.files))];
const widerOf = (glob) => ALL_GLOBS.filter((g) => g !== glob && globRegex(g).test(sample(glob))).length;
const GLOBS = [...ALL_GLOBS].sort((x, y) => widerOf(x) - widerOf(y));

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
  // Shipped code: AGPL refused everywhere, and each boundary where it applies; tests keep the boundaries.
  restrictions('**/*.ts', true),
  ...GLOBS.flatMap((glob) => [restrictions(glob, false), restrictions(glob, true)]),
);
