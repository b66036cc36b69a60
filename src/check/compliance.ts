// Docket compliance: a built brief against its docket's rules — caption, filer, reasons, BCI markings, deadline.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/index.js';
import { BC_MARKING, bciSpans, PUBLIC_MARKING } from '../document/bci.js';
import type { PathSegment } from '../diagnostics/locator.js';
import type { BriefSource, Dataset } from '../model/dataset.js';
import type { VersionLabel } from '../document/document.js';
import type { VisibleText } from '../document/visible-text.js';
import type { KindDefinition } from '../kinds/kind.js';
import type { Brief } from '../schema/index.js';
import type { z } from 'zod';
import { docketForCycle } from '../model/dockets.js';
import { surelyBefore } from '../schema/partial-date.js';

/** One rendered version's outputs, as the compliance rules read them: each file's visible text, whatever its format. */
export interface VersionOutputs {
  label: VersionLabel | null;
  fileStem: string;
  files: Array<{ extension: string; visible: VisibleText }>;
}

function reporter(loaded: BriefSource, found: Diagnostic[]) {
  return (at: PathSegment[], severity: Severity, message: string, ruleId: string): void => {
    found.push(diagnostic(loaded.file.name, loaded.file.placeOf(at), severity, message, ruleId));
  };
}

/**
 * Rules that read the brief, the data and the composed tree: docket number and Federal Register cite in the
 * caption, the filer named, reasons for each nominated market, BCI justified, the filing date against the
 * deadline (11:59 p.m. Eastern on the deadline day), a rebuttal answering only filings of its own docket.
 */
export function documentCompliance(loaded: BriefSource, dataset: Dataset, root: Root, kind: Pick<KindDefinition<z.ZodType<Brief>>, 'filing' | 'rules'>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = reporter(loaded, found);
  const brief = loaded.brief;
  const text = toString(root);

  if (bciSpans(root).some((span) => !span.data?.reason) && !brief.bci_justification) {
    report(['id'], 'error', 'this brief holds business confidential information but says not why it needs protection (15 CFR 2017.4): add `bci_justification:` or a `reason` to each span', 'compliance-bci-justification');
  }
  kind.rules(brief, { dataset, report });
  if (!kind.filing || !('filer' in brief)) return found;

  const docket = docketForCycle(dataset, brief.cycle);
  if (!docket?.docket_id) {
    report(['cycle'], 'warning', `the record has no docket number for the ${brief.cycle} cycle, and USTR asks for it on every filing: add \`docket_id\` to data/dockets.yaml`, 'compliance-docket-unknown');
  } else if (!text.includes(`Docket No. ${docket.docket_id}`)) {
    report(['cycle'], 'error', `the caption does not give the docket number (Docket No. ${docket.docket_id}): keep \`::caption\` in the template`, 'compliance-docket-caption');
  }
  if (docket?.fr_cite && !text.includes(docket.fr_cite)) {
    report(['cycle'], 'error', `the caption does not cite the notice (${docket.fr_cite}): keep \`::caption\` in the template`, 'compliance-fr-cite');
  }
  const filer = dataset.stakeholders.get(brief.filer);
  if (filer && !text.includes(filer.name)) {
    report(['filer'], 'error', `the document never names the filer (${filer.name}): keep \`::title\` or \`{{filer.name}}\` in the template`, 'compliance-filer');
  }

  const deadline = kind.filing.deadline === 'comment' ? docket?.comment_deadline : (docket?.rebuttal_deadline ?? docket?.comment_deadline);
  const which = kind.filing.deadline === 'comment' || !docket?.rebuttal_deadline ? 'comment' : 'rebuttal';
  if (deadline && surelyBefore(deadline, brief.date)) {
    if (brief.late) report(['late'], 'warning', `filed ${brief.date}, after the ${which} deadline (${deadline}, 11:59 p.m. Eastern), on purpose: ${brief.late.reason}`, 'compliance-late');
    else report(['date'], 'error', `dated ${brief.date}, after the ${which} deadline of ${deadline} (11:59 p.m. Eastern): fix the date, or say \`late: { reason: … }\` if it is late on purpose`, 'compliance-late');
  }
  return found;
}

/** Where a file of each layout lacks its version's marking: every page (top and bottom), body ends, every header and footer. */
function markingProblems(file: string, visible: VisibleText, marking: string): string[] {
  switch (visible.layout) {
    case 'pages':
      return visible.pages.flatMap((page, i) => {
        const count = page.split(marking).length - 1;
        return count < 2 ? [`page ${i + 1} of ${file} shows “${marking}” ${count} time(s); it belongs at the top and the bottom of every page`] : [];
      });
    case 'flow':
      return visible.ends.first.includes(marking) && visible.ends.last.includes(marking) ? [] : [`${file} must open and close with “${marking}”`];
    case 'frames': {
      const parts: Array<readonly [string, number, string]> = [...visible.headers.map((text, i) => ['header', i, text] as const), ...visible.footers.map((text, i) => ['footer', i, text] as const)];
      if (visible.headers.length === 0 || visible.footers.length === 0) parts.push(['header or footer', 0, '']);
      return parts.filter(([, , text]) => !text.includes(marking)).map(([where, i]) => `${where} ${i + 1} of ${file} lacks “${marking}”; it belongs at the top and the bottom of every page`);
    }
  }
}

/**
 * Rules that read the rendered versions, every format alike: the marking at the top and bottom of every page
 * (paged formats), at the opening and close of the body (flowing ones) or in every header and footer (Word), and BC/P file names.
 */
export function outputCompliance(loaded: BriefSource, versions: readonly VersionOutputs[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = reporter(loaded, found);
  for (const version of versions) {
    if (version.label === null) continue;
    const marking = version.label === 'BC' ? BC_MARKING : PUBLIC_MARKING;
    if (!version.fileStem.startsWith(`${version.label}-`)) {
      report(['id'], 'error', `the ${version.label} version's file name \`${version.fileStem}\` must begin with \`${version.label}-\``, 'compliance-file-name');
    }
    for (const { extension, visible } of version.files) markingProblems(`${version.fileStem}.${extension}`, visible, marking).forEach((message) => report(['id'], 'error', message, 'compliance-marking'));
  }
  return found;
}
