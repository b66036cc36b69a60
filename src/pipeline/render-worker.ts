// A rendering worker thread: takes render jobs (a format and a composed document), answers with the file's bytes
// and visible text — or with a content problem as data, or an internal error.
import { parentPort } from 'node:worker_threads';
import { RenderProblem } from '../document/render-problem.js';
import { FORMATS } from '../render/formats/index.js';
import { oneAtATime, renderHere, type RenderJob, type WorkerAnswer } from './render-pool.js';

const port = parentPort;
if (!port) throw new Error('render-worker.js runs as a worker thread');

// Jobs are rendered one at a time, in the order they come (the pool sends one ahead); the PDF renderer starts
// loading at once, before the first job's document has crossed over.
const inTurn = oneAtATime();
// A renderer that fails to load fails the first job, which says why.
inTurn(() => FORMATS.pdf.load()).catch(() => undefined);
port.on('message', (message: { id: number; job: RenderJob }) => {
  void inTurn(() => answer(message));
});

async function answer({ id, job }: { id: number; job: RenderJob }): Promise<void> {
  let answer: WorkerAnswer;
  try {
    answer = { id, result: await renderHere(job) };
  } catch (error) {
    // A content problem crosses as data and is rebuilt as the same type; anything else is a bug.
    if (error instanceof RenderProblem) answer = { id, problem: error.toData() };
    else {
      const e = error instanceof Error ? error : new Error(String(error));
      answer = { id, error: { name: e.name, message: e.message, stack: e.stack ?? '' } };
    }
  }
  port!.postMessage(answer);
}
