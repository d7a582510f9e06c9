// pdfmake, configured once for the process. Left to its defaults, a document definition could fetch any
// URL and read any local file (an image or attachment named by path), and the text we render comes from
// people: so no URL is ever fetched and the only local files readable are the four Roboto fonts pdfmake
// ships (which carry every French accent and the euro sign).
import { createRequire } from "node:module";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);
const roboto = (file: string) => require.resolve(`pdfmake/fonts/Roboto/${file}`);

const FONTS = {
  Roboto: {
    normal: roboto("Roboto-Regular.ttf"),
    bold: roboto("Roboto-Medium.ttf"),
    italics: roboto("Roboto-Italic.ttf"),
    bolditalics: roboto("Roboto-MediumItalic.ttf"),
  },
};
const READABLE_FILES: ReadonlySet<string> = new Set(Object.values(FONTS.Roboto));

pdfmake.setFonts(FONTS);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => READABLE_FILES.has(path));

/** Renders a document definition to PDF bytes; rejects one that names a URL or a local file. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}
