import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{catalog,contracts,syntax,apimodel,validation,iam,oracles,generators,emulator,reports,cli,scripts,suites}/**/*.test.ts',
            'index.test.ts',
          ],
          exclude: ['suites/conformance/**', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['suites/conformance/**/*.test.ts'],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
