// Reading a built PDF back with pdf.js (a test-only dependency): its text page by page, metadata and outline, to prove the drawn-text record equals what a reader sees.

/** What a PDF shows a reader: text per page, document info, bookmark titles. */
export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
  outline: string[];
  /** Targets of the link annotations, page by page in order (only when read back from a file). */
  links?: string[];
}

interface OutlineItem {
  title: string;
  items?: OutlineItem[];
}

function flatten(items: readonly OutlineItem[] | null): string[] {
  return (items ?? []).flatMap((item) => [item.title, ...flatten(item.items ?? [])]);
}

/** Extracts the text layer (lines joined by spaces), the info dictionary and the outline titles. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: string[] = [];
    const links: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''));
      for (const annotation of (await page.getAnnotations()) as Array<{ url?: string; unsafeUrl?: string }>) {
        const target = annotation.url ?? annotation.unsafeUrl;
        if (target) links.push(target);
      }
    }
    const metadata = await doc.getMetadata();
    const outline = flatten((await doc.getOutline()) as OutlineItem[] | null);
    return { pages, info: metadata.info as Record<string, unknown>, outline, links };
  } finally {
    await doc.destroy();
  }
}
