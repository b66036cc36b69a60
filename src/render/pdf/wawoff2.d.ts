// Types for wawoff2 (Google's WOFF2 reference codec compiled to wasm), which ships none.
declare module 'wawoff2' {
  /** WOFF2 bytes → plain TrueType/OpenType bytes. */
  export function decompress(buffer: Uint8Array): Promise<Uint8Array>;
  /** TrueType/OpenType bytes → WOFF2 bytes. */
  export function compress(buffer: Uint8Array): Promise<Uint8Array>;
}
