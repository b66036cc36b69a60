// Types of bench/typst-markup.mjs, for the test that checks the conversion (tests/bench/).
export declare const TYPST_PREAMBLE: string;
export declare function markdownToTypst(markdown: string): { source: string; footnotes: number; definitions: number };
