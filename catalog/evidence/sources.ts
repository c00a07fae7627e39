/** The sources the evidence table cites, and how an entry writes one. */
import type { Source } from './entry.js';

/** The Step Functions Developer Guide. */
export const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg';
/** The Step Functions API Reference. */
export const SFN_API = 'https://docs.aws.amazon.com/step-functions/latest/apireference';
/** The SageMaker API Reference. */
export const SM_API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference';
/** The Developer Guide's page of the SageMaker integration. */
export const CONNECT_SAGEMAKER = `${DG}/connect-sagemaker.html`;
/** The Developer Guide's page on the IAM policies of integrated services. */
export const IAM_TEMPLATES = `${DG}/service-integration-iam-templates.html`;
/** The Developer Guide's page on error handling. */
export const ERRORS = `${DG}/concepts-error-handling.html`;
/** The Amazon States Language specification. */
export const ASL = 'https://states-language.net/spec.html';
/** Task executions recorded on AWS (a folder of this repository). */
export const TASKS = 'testdata/aws-recorded-tasks';
/** Executions recorded on AWS (a folder of this repository). */
export const RECORDED = 'testdata/aws-recorded';

/** A documentation page and the section that says it. */
export const page = (url: string, section: string): Source => ({ page: url, section });
/** A shape path of an AWS API model. */
export const model = (path: string): Source => ({ model: path });
/** A public report and what it shows. */
export const report = (ref: string, shows: string): Source => ({ report: ref, shows });
/** An execution recorded on AWS, by its file. */
export const recording = (file: string): Source => ({ recording: file });

/** The section of the SageMaker integration's page that gives the policy templates. */
export const TEMPLATE_PAGE = page(CONNECT_SAGEMAKER, 'IAM policies for calling Amazon SageMaker AI');
