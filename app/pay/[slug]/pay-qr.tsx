import QRCode from "qrcode";

/** Modules of quiet zone around the code (2 is enough on a screen). */
const MARGIN = 2;
/** Distinct URLs whose drawing is kept; a pay page's URL never changes, so each is drawn once. */
const MAX_CACHED = 2000;

interface Drawing {
  /** Modules per side, quiet zone included. */
  size: number;
  /** One SVG path of the dark modules. */
  path: string;
}

const drawings = new Map<string, Drawing>();

/** The QR code of a URL as one SVG path, computed once per URL (level M, like every QR code of the product). */
function drawingOf(url: string): Drawing {
  const cached = drawings.get(url);
  if (cached) return cached;
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let path = "";
  for (let y = 0; y < n; y++) {
    let start = -1;
    for (let x = 0; x <= n; x++) {
      const dark = x < n && modules.get(y, x);
      if (dark && start < 0) start = x;
      else if (!dark && start >= 0) {
        path += `M${start + MARGIN} ${y + MARGIN}h${x - start}v1H${start + MARGIN}z`;
        start = -1;
      }
    }
  }
  const drawing = { size: n + 2 * MARGIN, path };
  if (drawings.size >= MAX_CACHED) drawings.delete(drawings.keys().next().value!);
  drawings.set(url, drawing);
  return drawing;
}

/** The pay page's QR code: an inline SVG (no request, no script), drawn once per URL. */
export function PayQr({ url, label, pixels }: { url: string; label: string; pixels: number }) {
  const { size, path } = drawingOf(url);
  return (
    <svg width={pixels} height={pixels} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <title>{label}</title>
      <path fill="#FFFFFF" d={`M0,0 h${size}v${size}H0z`} />
      <path fill="#000000" d={path} />
    </svg>
  );
}
