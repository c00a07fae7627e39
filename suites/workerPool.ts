/**
 * Worker threads for `run` on the built-in emulator: each has an emulator of its own and runs the
 * cases it is sent; the runner sends each case to the least busy worker and keeps the results in
 * case order, so the report is the one a single thread writes (a case depends only on its suite,
 * index and seed).
 */
import { Worker } from 'node:worker_threads';
import type { MutantName } from '../emulator/mutants/index.js';
import type { CaseResult } from '../reports/report.js';
import type { SuiteName } from './suites.js';

/** What every worker is started with (structured-cloned). */
export interface WorkerOptions {
  readonly seed: number;
  readonly shrinkBudget: number;
  readonly shrinkSeconds?: number;
  readonly targetArgs: string;
  readonly reportFile?: string;
  /** The mutants of each worker's emulator (none: the emulator as it is). */
  readonly mutants: readonly MutantName[];
}

/** What the main thread sends a worker: a case by its suite and index. */
export interface CaseRequest {
  readonly id: number;
  readonly suite: SuiteName;
  readonly index: number;
}

/** What a worker answers: the case's result and its shrinking's effort. */
export interface CaseReply {
  readonly id: number;
  readonly result: CaseResult;
  readonly steps: number;
  readonly executions: number;
}

/** What a worker posts: the result as JSON text, or the harness's error; meanwhile, shrinking's progress. */
type Posted =
  | { readonly id: number; readonly json: string; readonly steps: number; readonly executions: number }
  | { readonly id: number; readonly error: string }
  | { readonly id: number; readonly progress: { readonly steps: number; readonly tried: number } };

/** Shrinking goes on in a worker: the steps taken and the candidates tried so far. */
export type ShrinkProgress = (steps: number, tried: number) => void;

// From the TypeScript sources (tests, `tsx`) a worker registers tsx first; from dist/ it needs nothing.
const fromSources = import.meta.url.endsWith('.ts');
const ENTRY = new URL(fromSources ? './runWorker.ts' : './runWorker.js', import.meta.url);

/** Worker threads that run cases (see the file's comment). */
export class WorkerPool {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly pending = new Map<
    number,
    {
      resolve: (r: CaseReply | undefined) => void;
      reject: (e: Error) => void;
      progress?: ShrinkProgress | undefined;
    }
  >();
  private next = 0;
  private closing = false;

  constructor(count: number, options: WorkerOptions) {
    this.workers = Array.from({ length: count }, () => {
      const worker = fromSources
        ? new Worker(
            `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); })`,
            { eval: true, workerData: options },
          )
        : new Worker(ENTRY, { workerData: options });
      const entry = { worker, busy: 0 };
      worker.on('message', (posted: Posted) => {
        if ('progress' in posted) {
          this.pending.get(posted.id)?.progress?.(posted.progress.steps, posted.progress.tried);
          return;
        }
        entry.busy--;
        const p = this.pending.get(posted.id);
        this.pending.delete(posted.id);
        if ('error' in posted) p?.reject(new Error(`a worker thread of the run failed: ${posted.error}`));
        else
          p?.resolve({
            id: posted.id,
            result: JSON.parse(posted.json) as CaseResult,
            steps: posted.steps,
            executions: posted.executions,
          });
      });
      // A worker that ends while cases are in flight (not closed by the pool) fails them.
      worker.on('exit', (code) => {
        if (this.closing) return;
        const failed = new Error(`a worker thread of the run exited (code ${code}) with cases in flight`);
        for (const p of this.pending.values()) p.reject(failed);
        this.pending.clear();
      });
      worker.on('error', (error) => {
        const failed = new Error(`a worker thread of the run failed: ${error.message}`, { cause: error });
        for (const p of this.pending.values()) p.reject(failed);
        this.pending.clear();
      });
      return entry;
    });
  }

  /**
   * Runs case `index` of `suite` on the least busy worker, telling `progress` how its shrinking
   * goes; undefined when the pool was abandoned.
   */
  run(suite: SuiteName, index: number, progress?: ShrinkProgress): Promise<CaseReply | undefined> {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.next++;
    entry.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      entry.worker.postMessage({ id, suite, index } satisfies CaseRequest);
    });
  }

  /** Stops every worker now (an interruption): the cases in flight end with no result. */
  async abandon(): Promise<void> {
    for (const p of this.pending.values()) p.resolve(undefined);
    this.pending.clear();
    await this.close();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
