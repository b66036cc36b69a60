// Docket compliance: a built brief against its docket's rules — caption, filer, reasons, BCI markings, deadline.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/index.js';
import { BC_MARKING, bciSpans, PUBLIC_MARKING } from '../document/bci.js';
import type { PathSegment } from '../diagnostics/locator.js';
import type { BriefSource, Dataset } from '../model/dataset.js';
import { docketForCycle } from '../model/dockets.js';
import { surelyBefore } from '../schema/partial-date.js';

/** One rendered version's outputs, as the compliance rules read them. */
export interface VersionOutputs {
  label: 'BC' | 'P' | null;
  fileStem: string;
  markdown?: string;
  /** The PDF's text, page by page. */
  pdfPages?: string[];
  /** The Word document's header and footer parts (every page shows one of each). */
  docx?: { headers: string[]; footers: string[] };
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
export function documentCompliance(loaded: BriefSource, dataset: Dataset, root: Root): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = reporter(loaded, found);
  const brief = loaded.brief;
  const text = toString(root);

  if (bciSpans(root).some((span) => !span.data?.reason) && !brief.bci_justification) {
    report(['id'], 'error', 'this brief holds business confidential information but says not why it needs protection (15 CFR 2017.4): add `bci_justification:` or a `reason` to each span', 'compliance-bci-justification');
  }
  if (brief.kind !== 'comment' && brief.kind !== 'response') return found;

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

  if (brief.kind === 'comment') {
    brief.nominations.forEach((nomination, i) => {
      if (!nomination.reasons && nomination.metrics.length === 0 && nomination.positions.length === 0) {
        report(['nominations', i], 'error', `the nomination of \`${nomination.market}\` gives no reasons, which the notice asks for: add \`reasons:\`, \`metrics:\` or \`positions:\``, 'compliance-reasons');
      }
    });
  } else {
    brief.answers.forEach((id, i) => {
      const position = dataset.positions.find((p) => p.id === id);
      if (position && position.cycle !== brief.cycle) {
        report(['answers', i], 'error', `\`${id}\` was filed in the ${position.cycle} cycle; a rebuttal answers only filings in its own docket (${brief.cycle})`, 'compliance-rebuttal-docket');
      }
    });
  }

  const deadline = brief.kind === 'comment' ? docket?.comment_deadline : (docket?.rebuttal_deadline ?? docket?.comment_deadline);
  const which = brief.kind === 'comment' || !docket?.rebuttal_deadline ? 'comment' : 'rebuttal';
  if (deadline && surelyBefore(deadline, brief.date)) {
    if (brief.late) report(['late'], 'warning', `filed ${brief.date}, after the ${which} deadline (${deadline}, 11:59 p.m. Eastern), on purpose: ${brief.late.reason}`, 'compliance-late');
    else report(['date'], 'error', `dated ${brief.date}, after the ${which} deadline of ${deadline} (11:59 p.m. Eastern): fix the date, or say \`late: { reason: … }\` if it is late on purpose`, 'compliance-late');
  }
  return found;
}

/** Rules that read the rendered versions: markings on every page and in the Markdown, BC/P file names. */
export function outputCompliance(loaded: BriefSource, versions: readonly VersionOutputs[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = reporter(loaded, found);
  for (const version of versions) {
    if (version.label === null) continue;
    const marking = version.label === 'BC' ? BC_MARKING : PUBLIC_MARKING;
    if (!version.fileStem.startsWith(`${version.label}-`)) {
      report(['id'], 'error', `the ${version.label} version's file name \`${version.fileStem}\` must begin with \`${version.label}-\``, 'compliance-file-name');
    }
    version.pdfPages?.forEach((page, i) => {
      const count = page.split(marking).length - 1;
      if (count < 2) report(['id'], 'error', `page ${i + 1} of ${version.fileStem}.pdf shows “${marking}” ${count} time(s); it belongs at the top and the bottom of every page`, 'compliance-marking');
    });
    if (version.docx) {
      const parts: Array<readonly [string, number, string]> = [...version.docx.headers.map((text, i) => ['header', i, text] as const), ...version.docx.footers.map((text, i) => ['footer', i, text] as const)];
      if (version.docx.headers.length === 0 || version.docx.footers.length === 0) parts.push(['header or footer', 0, '']);
      for (const [where, i, text] of parts) {
        if (!text.includes(marking)) report(['id'], 'error', `${where} ${i + 1} of ${version.fileStem}.docx lacks “${marking}”; it belongs at the top and the bottom of every page`, 'compliance-marking');
      }
    }
    if (version.markdown !== undefined) {
      const lines = version.markdown.trim().split('\n');
      const body = lines.filter((line) => line.trim() && !line.startsWith('[^'));
      if (!lines[0]?.includes(marking) || !body[body.length - 1]?.includes(marking)) {
        report(['id'], 'error', `${version.fileStem}.md must open and close with “${marking}”`, 'compliance-marking');
      }
    }
  }
  return found;
}
