// Diagnostics: problems in content as positioned messages (file:line:column), their formatting and counts.
import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { visible } from './visible.js';

export type Severity = 'error' | 'warning';

/** One problem found in a file, at a place, with a stable rule id. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  ruleId: string;
}

/** Builds a diagnostic; `place` defaults to the start of the file. */
export function diagnostic(
  file: string,
  place: { line: number; column: number } | undefined,
  severity: Severity,
  message: string,
  ruleId: string,
): Diagnostic {
  return { file, line: place?.line ?? 1, column: place?.column ?? 1, severity, message: capQuotes(message), ruleId };
}

/** A message whose `quoted` parts of input are at most MAX_QUOTED characters each (a 20,000-character id stays readable). */
function capQuotes(message: string): string {
  if (!message.includes('`')) return message;
  // Quoted parts are the odd ones between backticks.
  return message
    .split('`')
    .map((part, i) => (i % 2 === 1 && part.length > MAX_QUOTED ? visible(part, MAX_QUOTED) : part))
    .join('`');
}

/** Turns a diagnostic into a vfile message, for tools of the unified collective. */
export function toVFileMessage(d: Diagnostic): VFileMessage {
  const message = new VFileMessage(d.message, { place: { line: d.line, column: d.column }, ruleId: d.ruleId, source: 'docketpress' });
  message.file = d.file;
  message.fatal = d.severity === 'error' ? true : false;
  return message;
}

/** Formats one diagnostic as `file:line:column: error|warning message [rule-id]`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${capQuotes(d.message)} [${d.ruleId}]`;
}

/** Sorts diagnostics by file, then position, then rule, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** How a path is shown in messages: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file).split(path.sep).join('/');
}

/** Most characters of a user's input a message quotes. */
export const MAX_QUOTED = 80;

export * from './catalogue.js';
