import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = {
  fileName: 'report.json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
