// A document definition can neither fetch a URL nor read a local file: the text we render comes from
// people, and pdfmake would otherwise load any image or attachment named by URL or path.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../test/support/pdfText.ts";
import { renderPdf } from "./render.ts";

// A real 1×1 PNG, so that a definition naming it would render if the file were readable.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("what a document definition may reach", () => {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { "content-type": "image/png" }).end(PNG);
  });
  let url = "";
  const directory = mkdtempSync(join(tmpdir(), "appui-pdf-"));
  const secretFile = join(directory, "secret.txt");
  const imageFile = join(directory, "image.png");

  beforeAll(async () => {
    writeFileSync(secretFile, "SECRET-MARKER-42");
    writeFileSync(imageFile, PNG);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/image.png`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("renders text, accents and the euro sign with the bundled font", async () => {
    const bytes = await renderPdf({ content: ["Reste à vivre : 1 234,56 € — Lœwy, Çelik, Ørsted"] });
    expect((await pdfText(bytes)).text).toContain("Reste à vivre : 1 234,56 € — Lœwy, Çelik, Ørsted");
  });

  it.each<[string, () => TDocumentDefinitions]>([
    ["an image by URL", () => ({ content: [{ image: url }] })],
    ["a named image by URL", () => ({ content: [{ image: "logo" }], images: { logo: url } })],
    [
      "a named image by URL with headers",
      () => ({ content: [{ image: "logo" }], images: { logo: { url } } }),
    ],
  ])("never fetches %s", async (_, definition) => {
    await expect(renderPdf(definition())).rejects.toThrow(/denied by resource access policy/);
    expect(requests).toBe(0);
  });

  it.each<[string, () => TDocumentDefinitions]>([
    ["an image file", () => ({ content: [{ image: imageFile }] })],
    ["a named image file", () => ({ content: [{ image: "logo" }], images: { logo: imageFile } })],
    ["an attachment", () => ({ content: [{ attachment: "a" }], attachments: { a: { src: secretFile } } })],
    ["an embedded file", () => ({ content: ["x"], files: { a: { src: secretFile } } })],
  ])("never reads %s", async (_, definition) => {
    await expect(renderPdf(definition())).rejects.toThrow(/Access to local file denied/);
  });

  it("still embeds an image given inline as data", async () => {
    const bytes = await renderPdf({
      content: [{ image: `data:image/png;base64,${PNG.toString("base64")}` }],
    });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
