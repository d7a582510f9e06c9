// The QR code of a text as one SVG path, drawn by React: no markup injected, nothing for the page's
// content security policy to allow.
import { create } from "qrcode";

/** Light modules around the code, as the QR specification asks, so that phones find its edges. */
const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Side of the square, in modules, quiet zone included. */
  size: number;
  /** One unit square per dark module. */
  path: string;
}

export function qrDrawing(text: string): QrDrawing {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const squares: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) squares.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: squares.join("") };
}
