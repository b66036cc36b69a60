// The schema registry: every zod schema of data and brief files, and which kind of data file lives where.
export * from './common.js';
export * from './partial-date.js';
export * from './data-files.js';
export * from './docket.js';
export * from './edition.js';
export * from './event.js';
export * from './filer.js';
export * from './listing.js';
export * from './market.js';
export * from './metric.js';
export * from './position.js';
export * from './source.js';
export * from './stakeholder.js';
export * from './brief.js';
