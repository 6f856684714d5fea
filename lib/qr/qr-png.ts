/**
 * A QR code as a PNG data URI (`data:image/png;base64,...`), drawn on the server, for the APIs
 * that hand one out with a URL (CycleSoftware's `qr_code`). No HTTP here: text in, image out.
 */
import QRCode from "qrcode";

/** Pixels per module: whole pixels keep the modules sharp (about 300 px for a short URL, 2 KB in JSON). */
const SCALE = 8;

export function qrPngDataUri(text: string): Promise<string> {
  // Level M survives a smudge or a crease (15% of the code) and keeps a short URL at version 3-4.
  return QRCode.toDataURL(text, { type: "image/png", errorCorrectionLevel: "M", margin: 4, scale: SCALE });
}
