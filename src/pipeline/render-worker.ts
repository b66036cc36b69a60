// A PDF-rendering worker thread: takes composed documents, answers with the PDF bytes and the text drawn.
import { parentPort } from 'node:worker_threads';
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
    const e = error as Error & { ruleId?: string; line?: number; column?: number; file?: string };
    answer = { id, error: { name: e.name, message: e.message, stack: e.stack ?? '', ruleId: e.ruleId, line: e.line, column: e.column, file: e.file } };
  }
  port.postMessage(answer);
});
