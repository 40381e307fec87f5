// The parts of pdfkit and svg-to-pdfkit that renderPdf uses (neither package ships types).
declare module "pdfkit" {
  interface PDFDocumentOptions {
    size?: [number, number];
    margin?: number;
    info?: Record<string, string | undefined>;
  }
  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    registerFont(name: string, path: string): this;
    on(event: "data", listener: (chunk: Uint8Array) => void): this;
    on(event: "end", listener: () => void): this;
    on(event: "error", listener: (e: unknown) => void): this;
    end(): void;
  }
  export default PDFDocument;
}

declare module "svg-to-pdfkit" {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: unknown, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
