// Compose stage: brief + dataset + template → one mdast Root and its metadata. Never renders, never writes.
import path from 'node:path';
import type { Root } from 'mdast';
import { diagnostic, displayPath, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { BriefSource, Dataset } from '../model/dataset.js';
import { visible } from '../diagnostics/visible.js';
import { isInside, realPath } from '../load/input-file.js';
import { kindOf } from '../kinds/index.js';
import { checkDocketNeeds } from './filing.js';
import { loadBriefs } from '../load/briefs.js';
import { applyShortForms } from './citations.js';
import { smartQuotes } from './smart-quotes.js';
import { fillToc } from './toc.js';
import { ComposeContext } from './context.js';
import type { ComposedDocument } from '../document/document.js';
import { expandTemplate, loadTemplate } from './template.js';
import { bciOutsideProse } from './bci-fields.js';
import { confidentialAlsoPublic, confidentialDataOutsideSpans } from './bci-invariants.js';

export type { ComposedDocument, DocumentMeta } from '../document/document.js';

/** The folders a template may live in (or link to): the templates folder and the project that holds the briefs. */
export function templateRoots(loaded: BriefSource, templatesDir: string): string[] {
  return [templatesDir, path.dirname(path.dirname(loaded.path))].map((dir) => realPath(path.resolve(dir)));
}

/**
 * Where a brief's template lives: its `template:` (relative to the brief file) or templates/<kind>.md.
 * A `template:` may only name a `.md` file in the templates folder or in the project that holds the briefs
 * folder (the briefs folder's parent), after resolving symbolic links: a brief can never make the build read
 * `/etc/passwd`, `../../secret` or a URL. Otherwise returns the reason, for a positioned error.
 */
export function templatePath(loaded: BriefSource, templatesDir: string): { file: string } | { problem: string } {
  const given = loaded.brief.template;
  if (!given) return { file: path.join(templatesDir, `${loaded.brief.kind}.md`) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given) || /^(?:data|file|javascript):/i.test(given)) {
    return { problem: `\`template: ${visible(given)}\` is a URL: templates are local Markdown files; copy it into the templates folder and name it by its path` };
  }
  const file = path.resolve(path.dirname(loaded.path), given);
  if (!templateRoots(loaded, templatesDir).some((root) => isInside(root, realPath(file)))) {
    return { problem: `\`template: ${visible(given)}\` points outside the project (outside the templates folder and the folder that holds the briefs), so it was not read: put the template in the templates folder or next to the briefs, and name it by a relative path` };
  }
  if (path.extname(file).toLowerCase() !== '.md') {
    return { problem: `\`template: ${visible(given)}\` is not a Markdown file, so it was not read: templates are \`.md\` files` };
  }
  return { file };
}

/** Messages composing reports per file (prose fields, templates); the rest are summed up in one message. */
export const MAX_COMPOSE_MESSAGES = 20;

/**
 * At most MAX_COMPOSE_MESSAGES messages per file, in the order of their places, and one message saying how
 * many more there are and where the first of them is — as YAML syntax errors are capped (a brief with 10,000
 * bad directives gives 21 lines, not 10,000).
 */
export function capMessages(list: readonly Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of list) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  if ([...byFile.values()].every((own) => own.length <= MAX_COMPOSE_MESSAGES + 1)) return [...list];
  return [...byFile.entries()].flatMap(([file, own]) => {
    if (own.length <= MAX_COMPOSE_MESSAGES + 1) return own;
    const sorted = sortDiagnostics(own);
    const hidden = sorted.slice(MAX_COMPOSE_MESSAGES);
    const errors = hidden.filter((d) => d.severity === 'error').length;
    const first = hidden[0]!;
    const summary = diagnostic(file, first, errors ? 'error' : 'warning', `${hidden.length} more problems in this file from here on (${errors} error(s)), not listed one by one: fix the ones above, then check again`, 'prose-too-many-errors');
    return [...sorted.slice(0, MAX_COMPOSE_MESSAGES), summary];
  });
}

/** Composes one brief; returns the document, or undefined with errors in `diagnostics`. */
export async function composeBrief(
  loaded: BriefSource,
  dataset: Dataset,
  options: { templatesDir: string; cwd?: string; briefs?: readonly BriefSource[] },
): Promise<{ document?: ComposedDocument; diagnostics: Diagnostic[] }> {
  // A response answers comment briefs: the run's briefs, else those in the folder that holds this one.
  const answersBriefs = loaded.brief.kind === 'response' && loaded.brief.responds_to.length > 0;
  const others = options.briefs ?? (answersBriefs ? (await loadBriefs(path.dirname(loaded.path), options.cwd !== undefined ? { cwd: options.cwd } : {})).briefs : []);
  const context = new ComposeContext(dataset, loaded.brief, loaded.file, new Map(others.map((b) => [b.brief.id, b])));
  context.diagnostics.push(...bciOutsideProse(loaded.file, loaded.brief));
  const resolved = templatePath(loaded, options.templatesDir);
  if ('problem' in resolved) {
    context.report(['template'], 'error', resolved.problem, 'template-outside-project');
    return { diagnostics: context.diagnostics };
  }
  const file = resolved.file;
  const templateName = displayPath(file, options.cwd);
  const template = loadTemplate(file, templateName, templateRoots(loaded, options.templatesDir), context.diagnostics);
  if (!template) return { diagnostics: context.diagnostics };
  if (template.kinds.length && !template.kinds.includes(loaded.brief.kind)) {
    context.diagnostics.push(diagnostic(templateName, { line: 1, column: 1 }, 'error', `this template is for ${template.kinds.map((k) => `\`${k}\``).join(', ')} briefs, not \`${loaded.brief.kind}\`: pick another \`template:\``, 'template-kind-mismatch'));
    return { diagnostics: context.diagnostics };
  }
  const kind = kindOf(loaded.brief.kind);
  // What the kind's template prints from the docket is checked at the brief, before the template is filled in:
  // a missing field is one error at the brief's `cycle:`, never one inside a shipped template.
  const docketReady = !kind.filing || !('filer' in loaded.brief) || checkDocketNeeds(context, loaded.brief, kind.filing.docket);
  const composed = kind.compose(context, loaded.brief);
  if (!composed || !docketReady) return { diagnostics: capMessages(context.diagnostics) };
  const root = expandTemplate(template, composed.bindings, context.diagnostics);
  fillToc(root);
  root.children.push(...context.citations.all());
  context.diagnostics.push(...confidentialDataOutsideSpans(root, composed.meta, dataset, loaded.brief.id), ...confidentialAlsoPublic(root, composed.meta, loaded.file, context.textPlaces));
  applyShortForms(root);
  smartQuotes(root);
  const diagnostics = capMessages(context.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { document: { root, meta: composed.meta }, diagnostics };
}
