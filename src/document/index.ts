// The contract between compose and the renderers and checks: the composed document, block roles and status
// cells, the BCI node, the link-safety rule, the visible-text record and render problems. Imports no stage.
export { dateValue, type ComposedDocument, type DocumentMeta, type DocumentVersion, type VersionLabel } from './document.js';
export { BLOCK_ROLES, cellStatusOf, roleOf, type BlockRole, type CellStatus, type ListingStatus } from './roles.js';
export { BC_MARKING, bciSpans, confidentialTexts, PUBLIC_MARKING, publicText, REDACTED, type Bci, type BciData } from './bci.js';
export { externalLink, safeHref, type SafeHref } from './links.js';
export { RenderProblem, type RenderProblemData, type RenderProblemPlace } from './render-problem.js';
export type { FlowingText, FramedText, PagedText, VisibleText } from './visible-text.js';
