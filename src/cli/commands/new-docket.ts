// `docketpress new docket --cycle YYYY --docket USTR-YYYY-NNNN --fr-cite "VOL FR PAGE" …`: adds a cycle's docket to data/dockets.yaml.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { displayPath } from '../../diagnostics/index.js';
import { DOCKET_ID_MESSAGE, DOCKET_ID_PATTERN, docketSchema, FR_CITE_MESSAGE, FR_CITE_PATTERN, FR_DOC_MESSAGE, FR_DOC_PATTERN, type Docket } from '../../schema/docket.js';
import { partialDateProblem, urlSchema } from '../../schema/common.js';
import { writeFileAtomic } from '../../render/write.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { json } from '../output.js';
import type { CommandContext } from '../context.js';

/** What `new docket` was given, checked. */
export interface DocketInput {
  cycle: number;
  docket_id: string;
  fr_cite?: string;
  fr_doc?: string;
  notice_date?: string;
  comment_deadline?: string;
  rebuttal_deadline?: string;
  bci_prefix?: 'BC' | 'BCI';
  placeholder: boolean;
  /** The notice's address: becomes a source in data/sources/dockets.yaml. */
  source?: string;
}

const YAML_OUT = { lineWidth: 0, flowCollectionPadding: false } as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function dayOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || partialDateProblem(value)) throw new UsageError(`--${name} takes a real date written YYYY-MM-DD, not \`${value}\``);
  return value;
}

/** Reads and checks the options of `new docket` (usage errors name the option and the expected form). */
export function docketInput(values: CommandContext['values']): DocketInput {
  const cycleText = text(values.cycle);
  if (cycleText === undefined || !/^\d{4}$/.test(cycleText)) throw new UsageError('`new docket` needs --cycle YYYY, the review cycle (e.g. --cycle 2026)');
  const placeholder = values.placeholder === true;
  const docketId = text(values.docket);
  if (docketId === undefined) throw new UsageError(`\`new docket\` needs --docket USTR-${cycleText}-NNNN, the docket number the notice gives${placeholder ? ` (for a placeholder: USTR-${cycleText}-XXXX)` : ''}`);
  if (!DOCKET_ID_PATTERN.test(docketId)) throw new UsageError(`--docket \`${docketId}\`: ${DOCKET_ID_MESSAGE}`);
  const frCite = text(values['fr-cite']);
  if (frCite !== undefined && !FR_CITE_PATTERN.test(frCite)) {
    const hint = FR_DOC_PATTERN.test(frCite.replace(/^FR Doc\.? ?/, '')) ? ` — \`${frCite}\` is a document number: pass it as --fr-doc ${frCite.replace(/^FR Doc\.? ?/, '')}` : '';
    throw new UsageError(`--fr-cite \`${frCite}\`: ${FR_CITE_MESSAGE}${hint}`);
  }
  const frDoc = text(values['fr-doc']);
  if (frDoc !== undefined && !FR_DOC_PATTERN.test(frDoc)) throw new UsageError(`--fr-doc \`${frDoc}\`: ${FR_DOC_MESSAGE}`);
  if (frCite === undefined && frDoc === undefined) throw new UsageError('`new docket` needs --fr-cite "VOL FR PAGE" (e.g. "81 FR 58545"), or --fr-doc YYYY-NNNNN when only the document number is known');
  const source = text(values.source);
  if (source !== undefined && !urlSchema.safeParse(source).success) throw new UsageError(`--source takes the notice's web address (http:// or https://), not \`${source}\``);
  if (source === undefined && !placeholder) throw new UsageError('`new docket` needs --source URL, the Federal Register notice it comes from (every fact names its source); or --placeholder while the notice is not out');
  const noticeDate = dayOption('notice-date', text(values['notice-date']));
  if (noticeDate === undefined && !placeholder) throw new UsageError('`new docket` needs --notice-date YYYY-MM-DD, the day the notice was published');
  const prefix = text(values['confidential-prefix']);
  if (prefix !== undefined && prefix !== 'BC' && prefix !== 'BCI') throw new UsageError(`--confidential-prefix takes BC or BCI (how the notice asks the confidential file's name to begin), not \`${prefix}\``);
  const input: DocketInput = { cycle: Number(cycleText), docket_id: docketId, placeholder };
  if (frCite !== undefined) input.fr_cite = frCite;
  if (frDoc !== undefined) input.fr_doc = frDoc;
  if (noticeDate !== undefined) input.notice_date = noticeDate;
  const comments = dayOption('comments-due', text(values['comments-due']));
  const rebuttals = dayOption('rebuttals-due', text(values['rebuttals-due']));
  if (comments !== undefined) input.comment_deadline = comments;
  if (rebuttals !== undefined) input.rebuttal_deadline = rebuttals;
  if (prefix !== undefined) input.bci_prefix = prefix;
  if (source !== undefined) input.source = source;
  return input;
}

/** The source id given to a notice: `fr-2026-08-20-nml-2026-comment-request`. */
export function noticeSourceId(input: DocketInput): string {
  return `fr-${input.notice_date ?? `${input.cycle}`}-nml-${input.cycle}-comment-request`;
}

/** The docket entry as written in data/dockets.yaml (keys in the file's usual order). */
export function docketEntry(input: DocketInput): Record<string, unknown> {
  const entry: Record<string, unknown> = { cycle: input.cycle, docket_id: input.docket_id };
  for (const key of ['fr_cite', 'fr_doc', 'notice_date', 'comment_deadline', 'rebuttal_deadline', 'bci_prefix'] as const) if (input[key] !== undefined) entry[key] = input[key];
  if (input.placeholder) {
    entry.placeholder = true;
    entry.deadline_note = 'Placeholder: the notice is not in the record yet. Replace it with `docketpress new docket … --force` once it is published.';
  }
  entry.sources = input.source ? [noticeSourceId(input)] : [];
  return entry;
}

function listOf(document: Document, key: string, file: string): YAMLSeq {
  if (!isMap(document.contents)) {
    if (document.contents === null) {
      document.contents = new YAMLMap();
    } else throw new UsageError(`${file} does not hold a \`${key}:\` list: fix it (\`docketpress check\` says where), then run this again`);
  }
  const map = document.contents as YAMLMap;
  let seq: unknown = map.get(key, true);
  if (seq === undefined || seq === null) {
    seq = new YAMLSeq();
    map.set(key, seq);
  }
  if (!isSeq(seq)) throw new UsageError(`\`${key}:\` in ${file} is not a list: fix it, then run this again`);
  return seq as YAMLSeq;
}

/**
 * Adds (or, with `force`, replaces) a cycle's docket in the text of data/dockets.yaml, keeping its comments and
 * layout; dockets stay ordered by cycle. Throws a UsageError when the cycle is there already and `force` is not set.
 */
export function addDocket(source: string, entry: Record<string, unknown>, force: boolean, file: string): string {
  const document = parseDocument(source.trim() ? source : '# yaml-language-server: $schema=./schema/dockets.schema.json\ndockets: []\n');
  if (document.errors.length) throw new UsageError(`${file} is not valid YAML (${document.errors[0]!.message.split('\n')[0]}): run \`docketpress check\` and fix it first`);
  const seq = listOf(document, 'dockets', file);
  const cycle = entry.cycle as number;
  const node = document.createNode(entry);
  node.flow = false;
  const sourcesNode = node.get('sources', true) as YAMLSeq | undefined;
  if (sourcesNode) sourcesNode.flow = true;
  const at = seq.items.findIndex((item) => isMap(item) && Number(item.get('cycle')) === cycle);
  if (at >= 0) {
    if (!force) throw new UsageError(`${file} already has a docket for ${cycle}: pass --force to replace it, or edit it there`);
    seq.items.splice(at, 1, node as never);
  } else {
    const after = seq.items.findIndex((item) => isMap(item) && Number(item.get('cycle')) > cycle);
    seq.items.splice(after < 0 ? seq.items.length : after, 0, node as never);
  }
  return document.toString(YAML_OUT);
}

/** Adds the notice as a source in data/sources/dockets.yaml unless a source of that id exists there already. */
export function addNoticeSource(source: string, input: DocketInput, file: string): string {
  const document = parseDocument(source.trim() ? source : '# yaml-language-server: $schema=../schema/sources.schema.json\n# Federal Register notices added by `docketpress new docket`.\nsources: []\n');
  if (document.errors.length) throw new UsageError(`${file} is not valid YAML: run \`docketpress check\` and fix it first`);
  const seq = listOf(document, 'sources', file);
  const id = noticeSourceId(input);
  if (seq.items.some((item) => isMap(item) && item.get('id') === id)) return document.toString(YAML_OUT);
  const entry: Record<string, unknown> = {
    id,
    title: `${input.cycle} Review of Notorious Markets for Counterfeiting and Piracy: Comment Request`,
    publisher: 'Federal Register',
    ...(input.notice_date ? { date: input.notice_date } : {}),
    url: input.source,
  };
  const node = document.createNode(entry);
  node.flow = false;
  seq.items.push(node);
  if (seq.flow) seq.flow = false;
  return document.toString(YAML_OUT);
}

function readText(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Runs `docketpress new docket`. */
export async function run(context: CommandContext): Promise<number> {
  const { io, options, values } = context;
  const input = docketInput(values);
  if (values.data === undefined && !existsSync(path.resolve(io.cwd, 'data'))) {
    throw new UsageError('there is no data folder here to add the docket to: run this in your copy of docketpress (the folder that holds data/), or pass --data DIR');
  }
  const entry = docketEntry(input);
  const checked = docketSchema.safeParse(entry);
  if (!checked.success) throw new UsageError(`the docket is not valid: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  if (input.notice_date && input.comment_deadline && input.comment_deadline < input.notice_date) throw new UsageError(`--comments-due ${input.comment_deadline} falls before --notice-date ${input.notice_date}: check both against the notice`);
  if (input.comment_deadline && input.rebuttal_deadline && input.rebuttal_deadline < input.comment_deadline) throw new UsageError(`--rebuttals-due ${input.rebuttal_deadline} falls before --comments-due ${input.comment_deadline}: check both against the notice`);

  const docketsFile = path.join(options.data, 'dockets.yaml');
  const docketsShown = displayPath(docketsFile, io.cwd);
  // Both files are computed before either is written, so a refusal leaves nothing half-done.
  const dockets = addDocket(readText(docketsFile), entry, values.force === true, docketsShown);
  const sourcesFile = path.join(options.data, 'sources', 'dockets.yaml');
  const sources = input.source ? addNoticeSource(readText(sourcesFile), input, displayPath(sourcesFile, io.cwd)) : undefined;
  if (sources !== undefined) await writeFileAtomic(sourcesFile, sources);
  await writeFileAtomic(docketsFile, dockets);

  const cite = input.fr_cite ?? `FR Doc. ${input.fr_doc}`;
  if (options.json) {
    io.out(json({ file: docketsShown, docket: entry, ...(sources !== undefined ? { source: { file: displayPath(sourcesFile, io.cwd), id: noticeSourceId(input) } } : {}) }));
  } else {
    io.out(`added the ${input.cycle} docket to ${docketsShown}: Docket No. ${input.docket_id}, ${cite}${input.notice_date ? ` of ${input.notice_date}` : ''}${input.comment_deadline ? `; comments due ${input.comment_deadline}` : ''}${input.rebuttal_deadline ? `, rebuttals ${input.rebuttal_deadline}` : ''} (11:59 p.m. Eastern)${input.placeholder ? ' — PLACEHOLDER values until the notice is out' : ''}\n`);
    if (sources !== undefined) io.out(`cited as source \`${noticeSourceId(input)}\` in ${displayPath(sourcesFile, io.cwd)}\n`);
    io.out('next: `docketpress deadlines`, then `docketpress new comment --filer ID --cycle ' + input.cycle + ' --markets a,b`\n');
  }
  return EXIT_OK;
}
