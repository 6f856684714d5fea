/**
 * The pay page when the database cannot answer: a small page of its own (no framework, no
 * script), in the customer's language, answered with 503 and Retry-After, and a link that tries
 * the same address again. The customer never sees a stack trace or a blank 500.
 */
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { MESSAGES, resolveLanguage } from "@/lib/i18n/pay-page";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function payPageBusyResponse(request: Request): Response {
  const url = new URL(request.url);
  const lang = resolveLanguage({ requested: url.searchParams.get("lang"), acceptLanguage: request.headers.get("accept-language") });
  const t = MESSAGES[lang];
  const again = url.pathname + url.search;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.busyTitle)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:28rem;margin:0 auto;padding:2.5rem 1rem;color:#0f172a">
<main><h1 style="font-size:1.5rem">${escape(t.busyTitle)}</h1><p>${escape(t.busyText)}</p>
<p><a href="${escape(again)}" style="display:inline-block;background:#065f46;color:#fff;padding:.75rem 1.25rem;border-radius:.375rem;text-decoration:none">${escape(t.retry)}</a></p></main>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}
