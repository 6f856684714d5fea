import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Paylinks", template: "%s · Paylinks" },
  description: "Payment links for MTN Mobile Money and Orange Money: share a link, get paid.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request, so that Next.js puts this request's CSP nonce on its
// scripts (proxy.ts, lib/http/security-headers.ts): a page prerendered at build time has no nonce.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
