// Where the package itself lives: its embedded data/, templates/ and briefs/ (the library and the CLI both read them).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder. This module sits two levels below it, compiled (dist/load/) or bundled (dist/bin/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
