// Where PDFs are rendered: on worker threads when a build has several to make (rendering is the costly part
// and uses one core), else on this thread. Either way the bytes are the same.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ComposedDocument } from '../document/document.js';
import type { RenderProblemData } from '../document/render-problem.js';
import type { DocumentPdfOptions } from '../render/pdf-document.js';
import type { DrawnText } from '../render/pdf/index.js';
import { PdfRenderError } from '../render/pdf/errors.js';

/** One PDF to render. */
export interface PdfJob {
  document: ComposedDocument;
  options: DocumentPdfOptions;
}

/** A rendered PDF and the text it draws (page by page, metadata, bookmarks). */
export interface PdfResult {
  bytes: Uint8Array;
  drawn: DrawnText;
}

/** What a worker answers for job `id`: the PDF, a content problem (as data, rebuilt as a `PdfRenderError`), or a bug. */
export type WorkerAnswer =
  | { id: number; result: PdfResult }
  | { id: number; problem: RenderProblemData }
  | { id: number; error: { name: string; message: string; stack: string } };

export interface PdfRenderer {
  render(job: PdfJob): Promise<PdfResult>;
  /** Stops the workers (the renderer cannot be used after). */
  close(): Promise<void>;
}

/** Renders on this thread. */
export function inThreadRenderer(): PdfRenderer {
  return {
    async render(job) {
      const { renderDocumentPdfWithText } = await import('../render/pdf-document.js');
      return renderDocumentPdfWithText(job.document, job.options);
    },
    async close() {},
  };
}

/** The worker script beside this module (absent when running from TypeScript sources, as tests do). */
const WORKER_SCRIPT = new URL('./render-worker.js', import.meta.url);

/**
 * How many worker threads for `jobs` PDFs: one per core but one (left to this thread and the garbage collector,
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
export function workerRenderer(count: number): PdfRenderer {
  const pending = new Map<number, { resolve: (result: PdfResult) => void; reject: (error: Error) => void }>();
  const queue: Array<{ id: number; job: PdfJob }> = [];
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
      if ('result' in answer) waiting?.resolve({ bytes: new Uint8Array(answer.result.bytes), drawn: answer.result.drawn });
      else if ('problem' in answer) waiting?.reject(PdfRenderError.fromData(answer.problem));
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
      return new Promise<PdfResult>((resolve, reject) => {
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
