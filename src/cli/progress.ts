// Progress of a long command on a terminal: one line, redrawn in place with `\r`, cleared at the end.
// Only on a TTY: piped output, --quiet and --json never see it, so scripts read the same lines as before.
import type { Io } from './output.js';

/** Erases the current terminal line and returns to its start. */
export const CLEAR_LINE = '\r\x1b[K';

export interface ProgressOptions {
  io: Io;
  /** How many items (briefs) the command works through. */
  total: number;
  /** False: print nothing but what `log` is given (not a TTY, --quiet, --json). */
  enabled: boolean;
  /** Items above this count show progress at once; fewer show it only once the work has taken `delayMs`. */
  showAbove?: number;
  delayMs?: number;
  /** How often the elapsed time is redrawn. */
  tickMs?: number;
  /** Terminal width; the line is cut to fit. */
  columns?: number;
  now?: () => number;
}

/** Width of a string in terminal cells (wide East Asian characters take two). */
function cells(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

/** Cuts a line to `columns - 1` cells (the last cell is left free so the terminal never wraps), ending in `…`. */
export function fitLine(text: string, columns: number): string {
  const max = Math.max(10, columns - 1);
  if (cells(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (cells(out + char) > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** Seconds with one decimal: `3.2 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The text of the progress line. */
export function progressLine(done: number, total: number, item: string | undefined, action: string, elapsedMs: number): string {
  const width = String(total).length;
  const counter = `[${String(done).padStart(width)}/${total}]`;
  return `${counter} ${item ? `${item}: ` : ''}${action} · ${formatSeconds(elapsedMs)}`;
}

/**
 * A progress line for a command working through `total` items. `log` prints a finished line above the
 * progress line; `update` redraws it; `finish` clears it and stops the timers (call it in `finally`).
 */
export class Progress {
  private readonly io: Io;
  private readonly total: number;
  private readonly enabled: boolean;
  private readonly columns: number;
  private readonly now: () => number;
  private readonly started: number;
  private readonly items = new Set<string>();
  private current: string | undefined;
  private action = 'loading data and briefs…';
  private shown = false;
  private finished = false;
  private delay: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(options: ProgressOptions) {
    this.io = options.io;
    this.total = options.total;
    this.enabled = options.enabled;
    this.columns = options.columns ?? 80;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    if (!this.enabled) return;
    const show = (): void => {
      if (this.finished) return;
      this.shown = true;
      this.draw();
      this.ticker = setInterval(() => this.draw(), options.tickMs ?? 250);
      this.ticker.unref?.();
    };
    if (this.total > (options.showAbove ?? 3)) show();
    else {
      this.delay = setTimeout(show, options.delayMs ?? 1000);
      this.delay.unref?.();
    }
  }

  /** Milliseconds since the progress began. */
  get elapsedMs(): number {
    return this.now() - this.started;
  }

  /** Whether the progress line is on screen. */
  get visible(): boolean {
    return this.shown && !this.finished;
  }

  /** Work moved on: `item` (counted once) is at `action`. */
  update(item: string, action: string): void {
    this.items.add(item);
    this.current = item;
    this.action = action;
    if (this.visible) this.draw();
  }

  /** Prints a finished line (ending in a newline) above the progress line. */
  log(text: string): void {
    if (this.visible) this.io.out(CLEAR_LINE);
    this.io.out(text);
    if (this.visible) this.draw();
  }

  /** Clears the progress line and stops the timers. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.delay) clearTimeout(this.delay);
    if (this.ticker) clearInterval(this.ticker);
    if (this.shown) this.io.out(CLEAR_LINE);
  }

  private draw(): void {
    const done = Math.min(this.items.size, this.total);
    this.io.out(`${CLEAR_LINE}${fitLine(progressLine(done, this.total, this.current, this.action, this.elapsedMs), this.columns)}`);
  }
}
