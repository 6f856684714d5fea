/**
 * HTML for emails, escaped by construction: every value interpolated into `html` is escaped
 * unless it is itself the result of `html` (a fragment built the same way).
 */
const SAFE = Symbol("safe-html");

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && SAFE in value;
}

type Interpolated = string | number | SafeHtml | null | undefined | false | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (isSafe(value)) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return { [SAFE]: true, value: out };
}

/** A whole email document: a light layout with inline styles, as mail clients want them. */
export function emailDocument(options: { language: string; title: string; body: SafeHtml; footer: string }): string {
  return html`<!DOCTYPE html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
</head>
<body style="margin:0;padding:0;background:#f8fafc;color:#0f172a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
${options.body}
</div>
<p style="margin:16px 0 0;color:#475569;font-size:13px">${options.footer}</p>
</div>
</body>
</html>
`.value;
}

/** A button-like link; the URL is also written out beside it for clients that hide buttons. */
export function buttonLink(url: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:#065f46;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px">${label}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#475569;word-break:break-all"><a href="${url}" style="color:#065f46">${url}</a></p>`;
}

/** Label / value rows (a receipt). */
export function detailsTable(rows: readonly (readonly [string, string])[]): SafeHtml {
  return html`<table role="presentation" style="width:100%;border-collapse:collapse;margin:16px 0">
${rows.map(([label, value]) => html`<tr><th scope="row" style="text-align:left;font-weight:normal;color:#475569;padding:6px 12px 6px 0;vertical-align:top;white-space:nowrap">${label}</th><td style="padding:6px 0;font-weight:bold;word-break:break-word">${value}</td></tr>
`)}</table>`;
}
