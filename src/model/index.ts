// Pure queries over a Dataset: listing status per edition, edition diffs and rosters, coverage, timelines, positions, deadlines, lookups. Never reads files.
export * from './diff.js';
export * from './lookup.js';
export * from './names.js';
export * from './places.js';
export * from './status.js';
export * from './dockets.js';
export * from './people.js';
export * from './subjects.js';
export * from './timeline.js';
export * from './positions.js';
export * from './roster.js';
export * from './deadlines.js';
