"use client";

import { useState } from "react";

/**
 * The email's HTML as a mail client shows it, on demand, in a frame sandboxed to the full
 * (sandbox="": no scripts, no forms, no popups, an opaque origin): the HTML never runs as this page.
 */
export function HtmlPreview({ html }: { html: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="html-preview"
        onClick={() => setOpen((o) => !o)}
        className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100"
      >
        {open ? "Hide preview" : "Show preview"}
      </button>
      <div id="html-preview">
        {open && (
          <iframe
            title="HTML version of the email"
            sandbox=""
            srcDoc={html}
            className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white"
            data-testid="message-html-preview"
          />
        )}
      </div>
    </div>
  );
}
