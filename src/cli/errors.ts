// Typed errors of the command line: usage mistakes (exit 2) and content problems (exit 1).

/** The user called the command wrongly; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;
