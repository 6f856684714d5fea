"use client";

import { QRCodeCanvas, QRCodeSVG } from "qrcode.react";
import { useRef } from "react";

/** The link's QR code, downloadable as PNG (for print) and SVG (for design tools). */
export function LinkQr({ url, slug }: { url: string; slug: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const download = (href: string, name: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.download = name;
    a.click();
  };
  return (
    <figure className="flex flex-col items-center gap-3">
      <QRCodeSVG ref={svgRef} value={url} size={192} level="M" marginSize={2} role="img" aria-label={`QR code of ${url}`} />
      <QRCodeCanvas ref={canvasRef} value={url} size={1024} level="M" marginSize={2} className="hidden" aria-hidden="true" />
      <figcaption className="sr-only">QR code of the pay page</figcaption>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => download(canvasRef.current!.toDataURL("image/png"), `${slug}.png`)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100"
        >
          Download PNG
        </button>
        <button
          type="button"
          onClick={() => {
            const svg = new XMLSerializer().serializeToString(svgRef.current!);
            download(URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })), `${slug}.svg`);
          }}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100"
        >
          Download SVG
        </button>
      </div>
    </figure>
  );
}
