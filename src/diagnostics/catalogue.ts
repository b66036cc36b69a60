// The error catalogue: every problem docketpress reports, by stable rule id — what happened, and what to do.

/** One entry: what the rule is about, and how to fix what it reports. */
export interface RuleEntry {
  /** What happened, in a few words. */
  title: string;
  /** What to do about it. */
  fix: string;
}

const YAML_SYNTAX: RuleEntry = { title: 'the file is not valid YAML here', fix: 'fix the syntax at the line and column given (indent with spaces, close quotes and brackets)' };

/** Every rule id, in groups. Names never change; new rules are added, old ones are never reused. */
export const RULES = {
  // Reading YAML
  'yaml-duplicate-key': { title: 'a key appears twice in one mapping', fix: 'keep one of the two keys' },
  'yaml-tab-as-indent': { title: 'a tab is used for indentation', fix: 'indent with spaces' },
  'yaml-bad-indent': { title: 'indentation does not line up', fix: 'align the line with its siblings' },
  'yaml-missing-char': { title: 'a closing quote or bracket is missing', fix: 'close the quote or bracket that starts before the position given' },
  'yaml-multiple-docs': { title: 'more than one YAML document in a file', fix: 'remove the extra `---`' },
  'yaml-bad-alias': { title: 'an alias names no anchor', fix: 'define the anchor (`&name`) before the alias (`*name`)' },
  'yaml-resource-exhaustion': { title: 'aliases expand to too much data', fix: 'write the values out instead of using so many aliases' },
  'yaml-unexpected-token': { title: 'a character YAML does not expect', fix: 'check colons, dashes and quotes around the position' },
  'yaml-block-as-implicit-key': { title: 'a key spans several lines', fix: 'add the missing colon or close the quote' },
  'yaml-multiline-implicit-key': { title: 'a key spans several lines', fix: 'add the missing colon or close the quote' },
  'yaml-key-over-1024-chars': { title: 'a key longer than 1,024 characters', fix: 'add the missing colon after the key' },
  'yaml-bad-scalar-start': YAML_SYNTAX,
  'yaml-bad-dq-escape': { title: 'an unknown escape in a double-quoted string', fix: 'write the character itself, or use single quotes' },
  'yaml-block-in-flow': YAML_SYNTAX,
  'yaml-bad-prop-order': YAML_SYNTAX,
  'yaml-bad-directive': YAML_SYNTAX,
  'yaml-multiple-anchors': YAML_SYNTAX,
  'yaml-multiple-tags': YAML_SYNTAX,
  'yaml-alias-props': YAML_SYNTAX,
  'yaml-non-string-key': { title: 'a key that is not text', fix: 'use plain text keys' },
  'yaml-tag-resolve-failed': { title: 'a YAML tag this tool does not read', fix: 'remove the `!tag`' },
  'yaml-impossible': YAML_SYNTAX,
  'yaml-bad-collection-type': YAML_SYNTAX,
  'yaml-too-deep': { title: 'values nested more than 64 levels', fix: 'look for an unclosed `[` or `{`, or runaway indentation' },
  'yaml-too-many-errors': { title: 'more than 20 syntax problems in one file', fix: 'fix the first ones, then check again' },
  // Files and folders
  'file-too-large': { title: 'a YAML file over 20 MB was not read', fix: 'split it into smaller files' },
  'file-unreadable': { title: 'a file cannot be read (a folder, or permissions)', fix: 'fix the file or its permissions' },
  'invalid-utf8': { title: 'a byte that is not UTF-8, or a UTF-16 file', fix: 'save the file as UTF-8' },
  'control-character': { title: 'an invisible control character (NUL, BEL …) in the file', fix: 'delete it' },
  'invisible-character': { title: 'a zero-width or bidi-control character in an id, key or date', fix: 'delete it and type the value again' },
  'file-not-regular': { title: 'a FIFO, device or folder where a YAML file was expected; it was not opened', fix: 'replace it with a plain file' },
  'symlink-outside-project': { title: 'a symbolic link that points outside the project; it was not read', fix: 'copy the file into the project instead of linking to it' },
  'data-folder-unreadable': { title: 'the data folder cannot be read', fix: 'pass `--data DIR` with the folder that holds editions.yaml and markets/' },
  'unknown-data-file': { title: 'a YAML file in data/ that is no known kind (warning)', fix: 'move or rename it: see "The data" in the README' },
  'id-file-mismatch': { title: "an entity's id differs from its file name", fix: 'rename the file or change the id' },
  // Schema
  'missing-field': { title: 'a required field is missing', fix: 'add the field named in the message' },
  'missing-source': { title: 'a fact names no source', fix: 'add `sources: [source-id]` citing a public source' },
  'unknown-field': { title: 'a field the schema does not know', fix: 'remove it or fix its spelling (the message lists the allowed fields)' },
  'invalid-type': { title: 'a value of the wrong type', fix: 'write the kind of value the message names (text, number, list …)' },
  'invalid-value': { title: 'a value outside the allowed set', fix: 'use one of the values the message lists' },
  'invalid-format': { title: 'a value in the wrong format', fix: 'follow the format the message shows (ids, URLs, docket numbers …)' },
  'invalid-url': { title: 'a source address with a session or search parameter, or cut off', fix: 'copy the page’s whole address, without session or search parameters' },
  'invalid-date': { title: 'a date that does not exist or is not YYYY-MM-DD', fix: 'write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day' },
  'too-few-items': { title: 'a list with too few items', fix: 'add the items the message asks for' },
  'empty-text': { title: 'an empty text field', fix: 'write the text or remove the field' },
  'out-of-range': { title: 'a number out of range', fix: 'use a number within the range given' },
  'invalid-range': { title: '`from` comes after `to`', fix: 'swap or fix the years' },
  // References and dates across files
  'unknown-reference': { title: 'an id that names nothing in the data', fix: 'fix the id (the message suggests the nearest) or add the entity' },
  'duplicate-id': { title: 'two entities share an id', fix: 'give one of them another id' },
  'date-order': { title: 'dates in an impossible order', fix: 'check both dates against their sources' },
  'unused-source': { title: 'a source no fact cites (warning)', fix: 'cite it or remove it' },
  'person-stakeholder-mismatch': { title: 'a person of another organisation named for a position (warning)', fix: 'check the person or the stakeholder' },
  // Briefs and templates
  'missing-docket': { title: 'no docket in the data for the brief’s cycle (retired in 0.3.0: now `docket-field-missing`)', fix: 'add the cycle with `docketpress new docket`' },
  'docket-field-missing': { title: 'the cycle’s docket lacks a field the filing prints (docket number, Federal Register cite, notice date)', fix: 'add the docket with `docketpress new docket --cycle …`, or the field to data/dockets.yaml, or a `docket:` block to the brief' },
  'filing-date-partial': { title: 'a filing dated to the month or year only', fix: 'write the day it is filed: YYYY-MM-DD' },
  'request-contradicts-record': { title: 'a nomination’s request contradicts the record as of the brief’s date (warning)', fix: 'ask to `retain` a listed market, `relist` a removed one, `list` one never listed' },
  'answers-later-filing': { title: 'a response answers a filing dated after it', fix: 'check both dates: a response answers only filings made before it' },
  'claims-unanswered': { title: 'claims of an answered filing are left unanswered (warning, with their ids)', fix: 'answer each under `points:`, or say in the introduction why not' },
  'anachronism': { title: 'a brief cites something dated after the brief itself; the citation or fact is left out (warning)', fix: 'cite a source published by the brief’s date, or check the brief date' },
  'weak-source': { title: 'a filing cites a mirror, wiki or tooling page; the citation or fact is left out (warning)', fix: 'cite the original document (USTR, the Federal Register, the party, the press), or pick the sources in the brief' },
  'claim-not-answered': { title: 'a response answers a claim from a filing it does not name', fix: 'add the filing to `answers:` or pick another claim' },
  'template-unreadable': { title: 'the template cannot be read', fix: 'check `template:` in the brief, or add the file' },
  'template-frontmatter': { title: "the template's frontmatter is not valid YAML", fix: 'write `kind: <brief kind>` between the `---` lines' },
  'template-kind-mismatch': { title: 'the template is for another kind of brief', fix: 'pick another `template:`' },
  'template-unknown-directive': { title: 'a `::directive` the composer does not know', fix: 'fix its name (the message lists the known ones)' },
  'template-unknown-placeholder': { title: 'a `{{placeholder}}` that is unknown or has no value', fix: 'fix its name, or add the missing value to the data' },
  'prose-html-dropped': { title: 'raw HTML in a prose field was dropped (warning)', fix: 'write Markdown instead' },
  'prose-unknown-directive': { title: 'a directive prose does not know', fix: 'use `:cite[source-id]`, `:bci[…]` or `:exhibit[id]`, or escape the colon as `\\:`' },
  'prose-link-dropped': { title: 'a prose link to other than http, https or mailto became plain text (warning)', fix: 'use an absolute web or mail address' },
  'prose-image-dropped': { title: 'an image in prose or a template was dropped and never read (warning)', fix: 'remove it: documents carry no images' },
  'prose-footnote-dropped': { title: 'a hand-written footnote was removed (warning)', fix: 'cite sources with `:cite[source-id]`' },
  'prose-too-many-errors': { title: 'more than 20 problems in the prose or template of one file', fix: 'fix the first ones, then check again' },
  'template-outside-project': { title: '`template:` is a URL, not Markdown, or outside the project', fix: 'put the template in the templates folder or next to the briefs' },
  'bci-empty': { title: 'an empty `:bci[]` span', fix: 'put the confidential words between the brackets' },
  'bci-not-honoured': { title: '`:bci[…]` where no span can be kept out of the public version (a plain-text field, alt text, a link title)', fix: 'mark the confidential words in the running text of a prose field, or remove the marker' },
  'bci-also-public': { title: 'text marked confidential also appears unmarked elsewhere (warning, at both places)', fix: 'mark it everywhere it appears, or drop the marker' },
  'output-folder-outside': { title: 'a brief\'s output folder is a symbolic link leading outside the output folder; nothing was written', fix: 'remove the link, or pass another `--out`' },
  'output-stale-kept': { title: 'a file of an earlier build of a brief could not be removed (warning)', fix: 'delete it by hand before filing from that folder' },
  'bci-unmarked-data': { title: 'a confidential datum would reach the document outside a confidential span; nothing was built', fix: 'report this as a bug with the brief' },
  'todo-left': { title: 'a TODO marker is left in a brief (warning)', fix: 'write what it asks for, then delete the marker' },
  // Rendering
  'pdf-missing-glyph': { title: 'a character no bundled font can draw', fix: 'replace the character, or write it out in words' },
  'pdf-missing-footnote': { title: 'a footnote reference without its text', fix: 'report this as a bug: composers always write both' },
  'pdf-invalid-option': { title: 'an invalid PDF option (such as the creation date)', fix: 'check the brief date' },
  'output-unwritable': { title: 'an output file could not be written (disk full, read-only, a file in the way); earlier files are unchanged', fix: 'free space or pick a writable `--out` folder, then build again' },
  // Business confidential information and docket compliance
  'bci-leak': { title: 'confidential text reached the public version; nothing was written', fix: 'report this as a bug with the brief' },
  'compliance-bci-justification': { title: 'BCI without a reason for protection (15 CFR 2017.4)', fix: 'add `bci_justification:` or a `reason` to each span' },
  'compliance-docket-unknown': { title: 'the record has no docket number for the cycle (retired in 0.3.0: now `docket-field-missing`)', fix: 'add `docket_id` to data/dockets.yaml' },
  'compliance-docket-caption': { title: 'the caption lacks the docket number', fix: 'keep `::caption` in the template' },
  'compliance-fr-cite': { title: 'the caption lacks the Federal Register cite', fix: 'keep `::caption` in the template' },
  'compliance-filer': { title: 'the document never names the filer', fix: 'keep `::title` or `{{filer.name}}` in the template' },
  'compliance-reasons': { title: 'a nominated market without reasons', fix: 'add `reasons:`, `metrics:` or `positions:` to the nomination' },
  'compliance-rebuttal-docket': { title: 'a rebuttal answers a filing of another docket', fix: 'answer only filings of the same cycle' },
  'compliance-late': { title: 'dated after the deadline (11:59 p.m. Eastern)', fix: 'fix the date, or add `late: { reason: … }` when it is late on purpose' },
  'compliance-marking': { title: 'a BC or public version lacks its marking on a page', fix: 'report this as a bug: markings are added by the renderer' },
  'compliance-file-name': { title: 'a BC or public version file name lacks its prefix', fix: 'report this as a bug' },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

/** The catalogue entry of a rule id, if it has one. */
export function rule(id: string): RuleEntry | undefined {
  return (RULES as Record<string, RuleEntry>)[id];
}
