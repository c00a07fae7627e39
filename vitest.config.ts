import { defineConfig } from 'vitest/config';

/**
 * No test has a wall-clock limit a slower machine would meet: the limits below only stop a test
 * that hangs. `unit` is `npm test`; `long` holds the long property runs (the mutants at
 * `run --runs 200`, the differential runs against aws-local-stepfunctions and the IAM simulator, the
 * packed package), which CI runs as well (`npm run test:long`); `conformance` runs the suites
 * against the emulator and moto.
 */
const HANG_MS = 30 * 60_000;
const FOLDERS =
  '{catalog,contracts,syntax,apimodel,validation,iam,oracles,generators,emulator,serve,reports,cli,scripts,suites,bench}';

export default defineConfig({
  test: {
    passWithNoTests: true,
    testTimeout: HANG_MS,
    hookTimeout: HANG_MS,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [`${FOLDERS}/**/*.test.ts`],
          exclude: ['suites/conformance/**', '**/*.long.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'long',
          include: [`${FOLDERS}/**/*.long.test.ts`, '*.long.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['suites/conformance/**/*.test.ts'],
        },
      },
    ],
  },
});
