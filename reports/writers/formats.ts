/** Every file a run's report directory holds besides cases.jsonl, in the order they are written. */
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';

export const REPORTERS: readonly Reporter[] = [jsonReporter, markdownReporter, htmlReporter, junitReporter];
