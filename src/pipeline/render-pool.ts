// Where costly formats (PDF) are rendered: on worker threads when a build has several files to make (rendering
// is the costly part and uses one core), else on this thread. Either way the bytes are the same.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RenderProblem, type RenderProblemData } from '../document/render-problem.js';
import type { RenderedFile, RenderRequest } from '../render/formats/format.js';
import { FORMATS, type FormatId } from '../render/formats/index.js';
import { PdfRenderError } from '../render/pdf/errors.js';

/** One file to render: a format and what to render in it. */
export interface RenderJob {
  format: FormatId;
  request: RenderRequest;
}

/** What a worker answers for job `id`: the file, a content problem (as data, rebuilt as its own type), or a bug. */
export type WorkerAnswer =
  | { id: number; result: RenderedFile }
  | { id: number; problem: RenderProblemData }
  | { id: number; error: { name: string; message: string; stack: string } };

export interface RenderPool {
  render(job: RenderJob): Promise<RenderedFile>;
  /** Stops the workers (the pool cannot be used after). */
  close(): Promise<void>;
}

/** Renders one job on this thread (what a worker does with each job it takes). */
export async function renderHere(job: RenderJob): Promise<RenderedFile> {
  return (await FORMATS[job.format].load()).render(job.request);
}

/** Content problems by type name, so one thrown on a worker is rebuilt as the type it was. */
const PROBLEM_TYPES: Record<string, typeof RenderProblem> = { PdfRenderError, RenderProblem };

/** Renders on this thread. */
export function inThreadRenderer(): RenderPool {
  return { render: renderHere, async close() {} };
}

/** The worker script beside this module (absent when running from TypeScript sources, as tests do). */
const WORKER_SCRIPT = new URL('./render-worker.js', import.meta.url);

/**
 * How many worker threads for `jobs` files of costly formats: one per core but one (left to this thread and the garbage collector,
 * which already keep a second core busy), at most one per PDF; none — render here — when that is fewer than two
 * (so on a 2-core machine, where workers measured slower: each loads the renderer and decodes fonts again).
 * `DOCKETPRESS_WORKERS=N` sets the count (0 or 1: render here).
 */
export function workerCount(jobs: number, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.DOCKETPRESS_WORKERS === undefined ? Number.NaN : Number(env.DOCKETPRESS_WORKERS);
  const wanted = Number.isInteger(setting) && setting >= 0 ? setting : availableParallelism() - 1;
  const count = Math.min(wanted, jobs);
  return count >= 2 && existsSync(fileURLToPath(WORKER_SCRIPT)) ? count : 0;
}

/** An internal error from a worker, rebuilt with its name and stack (a bug: it is not a content problem). */
function rebuiltError(error: Extract<WorkerAnswer, { error: unknown }>['error']): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  rebuilt.stack = error.stack;
  return rebuilt;
}

/** Renders on `count` worker threads, each taking the next job as it finishes one. */
export function workerRenderer(count: number): RenderPool {
  const pending = new Map<number, { resolve: (result: RenderedFile) => void; reject: (error: Error) => void }>();
  const queue: Array<{ id: number; job: RenderJob }> = [];
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;

  const dispatch = (): void => {
    while (idle.length && queue.length) idle.pop()!.postMessage(queue.shift());
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(WORKER_SCRIPT);
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if ('result' in answer) waiting?.resolve(answer.result);
      else if ('problem' in answer) waiting?.reject((PROBLEM_TYPES[answer.problem.name] ?? RenderProblem).fromData(answer.problem));
      else waiting?.reject(rebuiltError(answer.error));
      idle.push(worker);
      dispatch();
    });
    // A worker that dies (out of memory, a crash) fails every job still waiting: nothing hangs.
    worker.on('error', (error) => {
      failure = error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    idle.push(worker);
    return worker;
  });

  return {
    render(job) {
      if (failure) return Promise.reject(failure);
      return new Promise<RenderedFile>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, job });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
