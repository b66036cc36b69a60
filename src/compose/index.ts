// Compose stage: brief + dataset + template → one mdast Root and its metadata. Never renders, never writes.
import path from 'node:path';
import type { Root } from 'mdast';
import { diagnostic, displayPath, type Diagnostic } from '../diagnostics/index.js';
import type { Dataset } from '../load/dataset.js';
import type { LoadedBrief } from '../load/briefs.js';
import type { Brief } from '../schema/index.js';
import { composeComment } from './comment.js';
import { composeDiff } from './diff.js';
import type { Composed } from './filing.js';
import { composePolicyBrief } from './policy-brief.js';
import { composeResponse } from './response.js';
import { composeTimeline } from './timeline.js';
import { ComposeContext, type DocumentMeta } from './context.js';
import { expandTemplate, loadTemplate } from './template.js';

export type { DocumentMeta } from './context.js';

/** A composed document: its tree (footnote definitions at the end) and metadata for the renderers. */
export interface ComposedDocument {
  root: Root;
  meta: DocumentMeta;
}

/** Runs the composer of the brief's kind. */
function composerFor(context: ComposeContext, brief: Brief): Composed | undefined {
  switch (brief.kind) {
    case 'comment':
      return composeComment(context, brief);
    case 'response':
      return composeResponse(context, brief);
    case 'policy-brief':
      return composePolicyBrief(context, brief);
    case 'timeline':
      return composeTimeline(context, brief);
    case 'diff':
      return composeDiff(context, brief);
  }
}

/** Where a brief's template lives: its `template:` (relative to the brief file) or templates/<kind>.md. */
export function templatePath(loaded: LoadedBrief, templatesDir: string): string {
  const given = loaded.brief.template;
  return given ? path.resolve(path.dirname(loaded.path), given) : path.join(templatesDir, `${loaded.brief.kind}.md`);
}

/** Composes one brief; returns the document, or undefined with errors in `diagnostics`. */
export async function composeBrief(
  loaded: LoadedBrief,
  dataset: Dataset,
  options: { templatesDir: string; cwd?: string },
): Promise<{ document?: ComposedDocument; diagnostics: Diagnostic[] }> {
  const context = new ComposeContext(dataset, loaded.brief, loaded.file);
  const file = templatePath(loaded, options.templatesDir);
  const templateName = displayPath(file, options.cwd);
  const template = await loadTemplate(file, templateName, context.diagnostics);
  if (!template) return { diagnostics: context.diagnostics };
  if (template.kinds.length && !template.kinds.includes(loaded.brief.kind)) {
    context.diagnostics.push(diagnostic(templateName, { line: 1, column: 1 }, 'error', `this template is for ${template.kinds.map((k) => `\`${k}\``).join(', ')} briefs, not \`${loaded.brief.kind}\`: pick another \`template:\``, 'template-kind-mismatch'));
    return { diagnostics: context.diagnostics };
  }
  const composed = composerFor(context, loaded.brief);
  if (!composed) return { diagnostics: context.diagnostics };
  const root = expandTemplate(template, composed.bindings, context.diagnostics);
  root.children.push(...context.citations.all());
  if (context.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: context.diagnostics };
  return { document: { root, meta: composed.meta }, diagnostics: context.diagnostics };
}
