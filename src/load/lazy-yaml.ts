// YAML files whose positions are worked out only when a message needs one (the careful parse runs on first use).
import type { YamlFile } from './yaml-file.js';

type CarefulParser = (name: string, source: string) => YamlFile;
let carefulParser: CarefulParser | undefined;

/** Called by yaml-file.js as it loads: every module that can ask for a position imports it first. */
export function registerCarefulParser(parser: CarefulParser): void {
  carefulParser = parser;
}

/** A file with its text (or how to get it); `doc`, `lineCounter` and places parse it on first use. */
export function lazyFile(name: string, text: string | (() => string)): YamlFile {
  let source = typeof text === 'string' ? text : undefined;
  let parsed: YamlFile | undefined;
  const getSource = (): string => (source ??= (text as () => string)());
  const careful = (): YamlFile => {
    if (!carefulParser) throw new Error('internal: a YAML position was asked for before yaml-file.js was loaded');
    return (parsed ??= carefulParser(name, getSource()));
  };
  return {
    name,
    get source() {
      return getSource();
    },
    get doc() {
      return careful().doc;
    },
    get lineCounter() {
      return careful().lineCounter;
    },
    placeOf: (path, options) => careful().placeOf(path, options),
    proseStart: (path) => careful().proseStart(path),
    placeOfText: (text) => careful().placeOfText(text),
  };
}
