/**
 * A worker thread of `run --workers`: its own built-in emulator, running the cases the main
 * thread sends it (suite and index) exactly as the main thread would, shrinking included.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runIndexedCase } from './caseRun.js';
import type { SuiteName } from './suites.js';
import { EmbeddedTarget } from './targets/embedded.js';
import type { CaseRequest, WorkerOptions } from './workerPool.js';

const options = workerData as WorkerOptions;
const target = new EmbeddedTarget(options.mutants);

parentPort!.on('message', (request: CaseRequest) => {
  let steps = 0;
  let executions = 0;
  void runIndexedCase(
    {
      target,
      seed: options.seed,
      shrinkBudget: options.shrinkBudget,
      ...(options.shrinkSeconds !== undefined ? { shrinkSeconds: options.shrinkSeconds } : {}),
      targetArgs: options.targetArgs,
      ...(options.reportFile !== undefined ? { reportFile: options.reportFile } : {}),
    },
    request.suite as SuiteName,
    request.index,
    {
      // Shrinking goes on: the main thread's progress line names the case.
      progress: (stepsSoFar, tried) =>
        parentPort!.postMessage({ id: request.id, progress: { steps: stepsSoFar, tried } }),
      done: (s, e) => {
        steps += s;
        executions += e;
      },
    },
    // As JSON text: the result as report.json has it (values with a toJSON, such as the predicted
    // times of a job, would lose it in a structured clone).
  ).then(
    (result) => parentPort!.postMessage({ id: request.id, json: JSON.stringify(result), steps, executions }),
    // A case's own errors are its result (verdict error); anything else is the harness's, said whole.
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
