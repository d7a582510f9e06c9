// The type of an uploaded file is read from its content: real PDF, JPEG and PNG files are kept with their
// checksum; programs, scripts and other formats are refused whatever their name.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { elfProgram, JPEG_1PX, PNG_1PX, SHELL_SCRIPT, windowsProgram } from "../../../test/support/files.ts";
import { renderPdf } from "../../pdf/render.ts";
import { inspectUpload, MAX_DOCUMENT_BYTES } from "./inspect.ts";

describe("inspectUpload", () => {
  it("keeps a PDF, a JPEG and a PNG, with their size and SHA-256", async () => {
    const pdf = await renderPdf({ content: ["Avis d'échéance"] });
    for (const [bytes, mediaType] of [
      [pdf, "application/pdf"],
      [JPEG_1PX, "image/jpeg"],
      [PNG_1PX, "image/png"],
    ] as const) {
      expect(await inspectUpload(bytes)).toEqual({
        ok: true,
        mediaType,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }
  });

  it("refuses programs, naming what they are", async () => {
    expect(await inspectUpload(elfProgram())).toEqual({ ok: false, refusal: "executable", detected: "elf" });
    expect(await inspectUpload(windowsProgram())).toEqual({
      ok: false,
      refusal: "executable",
      detected: "exe",
    });
  });

  it("refuses a script and any other format", async () => {
    expect(await inspectUpload(SHELL_SCRIPT)).toEqual({ ok: false, refusal: "script" });
    expect(await inspectUpload(Buffer.from("Bonjour, voici mon avis d'imposition."))).toEqual({
      ok: false,
      refusal: "unsupported",
    });
    const zip = Buffer.from("504b030414000000080000000000", "hex");
    expect(await inspectUpload(zip)).toMatchObject({ ok: false, refusal: "unsupported", detected: "zip" });
  });

  it("refuses an empty file, and a file over 10 MiB by one byte, but keeps one of exactly 10 MiB", async () => {
    expect(await inspectUpload(Buffer.alloc(0))).toEqual({ ok: false, refusal: "empty" });
    const limit = Buffer.concat([PNG_1PX, Buffer.alloc(10 * 1024 * 1024 - PNG_1PX.length)]);
    expect(limit.length).toBe(MAX_DOCUMENT_BYTES);
    expect(await inspectUpload(limit)).toMatchObject({ ok: true, mediaType: "image/png" });
    expect(await inspectUpload(Buffer.concat([limit, Buffer.alloc(1)]))).toEqual({
      ok: false,
      refusal: "too_large",
    });
  });
});
