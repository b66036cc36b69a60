// A PDF-rendering worker thread: takes composed documents, answers with the PDF bytes and the text drawn.
import { parentPort } from 'node:worker_threads';
import { RenderProblem } from '../document/render-problem.js';
import { renderDocumentPdfWithText } from '../render/pdf-document.js';
import type { PdfJob, WorkerAnswer } from './render-pool.js';

const port = parentPort;
if (!port) throw new Error('render-worker.js runs as a worker thread');

port.on('message', async ({ id, job }: { id: number; job: PdfJob }) => {
  let answer: WorkerAnswer;
  try {
    const { bytes, drawn } = await renderDocumentPdfWithText(job.document, job.options);
    answer = { id, result: { bytes, drawn } };
  } catch (error) {
    // A content problem crosses as data and is rebuilt as the same type; anything else is a bug.
    if (error instanceof RenderProblem) answer = { id, problem: error.toData() };
    else {
      const e = error instanceof Error ? error : new Error(String(error));
      answer = { id, error: { name: e.name, message: e.message, stack: e.stack ?? '' } };
    }
  }
  port.postMessage(answer);
});
