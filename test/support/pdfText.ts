// What a reader sees in a PDF: its text, extracted by a real parser (PDF.js, through unpdf), with every
// run of white space (line breaks, no-break spaces) read as one space, and its page count.
import { extractText, getDocumentProxy } from "unpdf";

export interface PdfText {
  text: string;
  pages: number;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { text: text.replace(/\s+/gu, " "), pages: totalPages };
}
