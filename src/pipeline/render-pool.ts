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
  /** Jobs rendered so far on this thread and on worker threads. */
  readonly rendered: { here: number; workers: number };
  /** Stops the workers (the pool cannot be used after). */
  close(): Promise<void>;
}

/** Renders one job on this thread (what a worker does with each job it takes). */
export async function renderHere(job: RenderJob): Promise<RenderedFile> {
  return (await FORMATS[job.format].load()).render(job.request);
}

/** Content problems by type name, so one thrown on a worker is rebuilt as the type it was. */
const PROBLEM_TYPES: Record<string, typeof RenderProblem> = { PdfRenderError, RenderProblem };

/** Runs the tasks given to it one after another, in the order given (one that fails does not stop the next). */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let turn: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = turn.then(task);
    turn = result.catch(() => undefined);
    return result;
  };
}

/** Renders on this thread, one file at a time (interleaved renders hold every document's layout in memory at once). */
export function inThreadRenderer(): RenderPool {
  const inTurn = oneAtATime();
  const rendered = { here: 0, workers: 0 };
  return {
    rendered,
    render(job) {
      rendered.here += 1;
      return inTurn(() => renderHere(job));
    },
    async close() {},
  };
}

/** The worker script beside this module (absent when running from TypeScript sources, as tests do). */
const WORKER_SCRIPT = new URL('./render-worker.js', import.meta.url);

/**
 * How many worker threads for `jobs` files of costly formats, fewer than the files (this thread renders too, whenever
 * it has nothing else to do). A fresh worker loads the renderer and warms up its code again, which measured slower than
 * rendering everything here on 2 cores (interleaved A/B, quiet machine: 3.03 s against 2.79 s for the samples), so a
 * one-off build leaves two cores to this thread and the garbage collector and starts one worker per further core; a
 * process that keeps its workers warm (the build server, `build --watch`) starts one per core but one. `DOCKETPRESS_WORKERS=N` sets the
 * count (0: render here only).
 */
export function workerCount(jobs: number, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.DOCKETPRESS_WORKERS === undefined ? Number.NaN : Number(env.DOCKETPRESS_WORKERS);
  const spare = warmWorkers ? 1 : 2;
  const wanted = Number.isInteger(setting) && setting >= 0 ? setting : availableParallelism() - spare;
  const count = Math.min(wanted, jobs - 1);
  return count >= 1 && existsSync(fileURLToPath(WORKER_SCRIPT)) ? count : 0;
}

/** An internal error from a worker, rebuilt with its name and stack (a bug: it is not a content problem). */
function rebuiltError(error: Extract<WorkerAnswer, { error: unknown }>['error']): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * Renders on `count` worker threads, each taking the next job as it finishes one, and on this thread, which takes a
 * job from the other end of the queue whenever its event loop has nothing else to run (it is composing the next
 * brief meanwhile). Each worker holds one job ahead, so it never waits for this thread to hand it the next; workers
 * start with the first job.
 */
export function workerRenderer(count: number): RenderPool {
  const pending = new Map<number, { resolve: (result: RenderedFile) => void; reject: (error: Error) => void }>();
  const queue: Array<{ id: number; job: RenderJob }> = [];
  const load = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | undefined;
  let renderingHere = false;
  let turnScheduled = false;
  const rendered = { here: 0, workers: 0 };

  const settle = (id: number, answer: { result: RenderedFile } | { error: Error }): void => {
    const waiting = pending.get(id);
    pending.delete(id);
    if ('result' in answer) waiting?.resolve(answer.result);
    else waiting?.reject(answer.error);
  };
  // This thread's turn comes after the I/O and timers already due (setImmediate): composing goes first.
  const turnHere = (): void => {
    turnScheduled = false;
    if (renderingHere || failure) return;
    const next = queue.pop();
    if (!next) return;
    renderingHere = true;
    rendered.here += 1;
    renderHere(next.job).then(
      (result) => settle(next.id, { result }),
      (error: unknown) => settle(next.id, { error: error instanceof Error ? error : new Error(String(error)) }),
    ).finally(() => {
      renderingHere = false;
      dispatch();
    });
  };
  const dispatch = (): void => {
    for (const [worker, jobs] of load) {
      if (jobs < 2 && queue.length) {
        worker.postMessage(queue.shift());
        load.set(worker, jobs + 1);
        rendered.workers += 1;
      }
    }
    if (queue.length && !renderingHere && !turnScheduled) {
      turnScheduled = true;
      setImmediate(turnHere);
    }
  };
  // Workers start with the first job (a build whose briefs are all up to date starts none).
  const start = (): void => {
    for (let i = 0; i < count; i++) startWorker();
  };
  const startWorker = (): void => {
    const worker = takeWorker();
    worker.on('message', (answer: WorkerAnswer) => {
      if ('result' in answer) settle(answer.id, { result: answer.result });
      else if ('problem' in answer) settle(answer.id, { error: (PROBLEM_TYPES[answer.problem.name] ?? RenderProblem).fromData(answer.problem) });
      else settle(answer.id, { error: rebuiltError(answer.error) });
      load.set(worker, (load.get(worker) ?? 1) - 1);
      dispatch();
    });
    // A worker that dies (out of memory, a crash) fails every job still waiting: nothing hangs.
    worker.on('error', (error) => {
      failure = error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      queue.length = 0;
    });
    load.set(worker, 0);
  };

  return {
    rendered,
    render(job) {
      if (failure) return Promise.reject(failure);
      if (load.size === 0) start();
      return new Promise<RenderedFile>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, job });
        dispatch();
      });
    },
    async close() {
      await Promise.all([...load.keys()].map((worker) => (failure ? worker.terminate() : releaseWorker(worker))));
    },
  };
}

/** Idle workers of a process that keeps them between builds (see keepWorkersWarm); undefined: workers end with their build. */
let warmWorkers: Worker[] | undefined;
/** How many callers of keepWorkersWarm have not released it yet. */
let warmKeepers = 0;

/**
 * From now on, a build's workers are kept when it ends and serve the next build, with the renderer loaded and its
 * code compiled (the build server and `build --watch` build again and again). An idle worker does not keep the process
 * running. Returns what ends this caller's keeping: when no caller keeps them any more, the idle workers are stopped
 * and later builds' workers end with their build again (the build server never calls it).
 */
export function keepWorkersWarm(): () => Promise<void> {
  warmWorkers ??= [];
  warmKeepers += 1;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    warmKeepers -= 1;
    if (warmKeepers > 0 || !warmWorkers) return;
    const idle = warmWorkers;
    warmWorkers = undefined;
    await Promise.all(idle.map((worker) => worker.terminate()));
  };
}

/** How many workers wait, idle and warm, for the next build. */
export function warmWorkerCount(): number {
  return warmWorkers?.length ?? 0;
}

/** A worker kept from an earlier build, or a new one. */
function takeWorker(): Worker {
  const kept = warmWorkers?.pop();
  if (!kept) return new Worker(WORKER_SCRIPT);
  kept.removeAllListeners('error');
  kept.ref();
  return kept;
}

/** Ends a build's use of a worker: kept idle for the next build (see keepWorkersWarm), else stopped. */
async function releaseWorker(worker: Worker): Promise<void> {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  const kept = warmWorkers;
  if (!kept) {
    await worker.terminate();
    return;
  }
  // A kept worker that dies while idle is simply forgotten.
  worker.on('error', () => {
    const at = kept.indexOf(worker);
    if (at >= 0) kept.splice(at, 1);
  });
  worker.unref();
  kept.push(worker);
}
