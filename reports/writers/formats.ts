/** The formats of a run's report files. */
import { htmlFormat } from './html.js';
import { jsonFormat } from './json.js';
import { junitFormat } from './junit.js';
import { markdownFormat } from './markdown.js';
import type { ReportFormat } from './format.js';

/** Every file a run's report directory holds besides cases.jsonl, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = [jsonFormat, markdownFormat, htmlFormat, junitFormat];
