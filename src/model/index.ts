// Pure queries over a Dataset: listing status per edition, edition diffs, lookups. Never reads files.
export * from './diff.js';
export * from './lookup.js';
export * from './names.js';
export * from './places.js';
export * from './status.js';
export * from './dockets.js';
export * from './people.js';
export * from './timeline.js';
export * from './deadlines.js';
