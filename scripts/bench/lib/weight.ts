/**
 * What a page costs to download: its HTML and the JavaScript and CSS it links, as the server
 * sends them to a browser that accepts gzip (bytes on the wire), and uncompressed.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";

export interface Bytes {
  /** Body bytes as sent (gzip when the server compressed them). */
  wire: number;
  raw: number;
}

export interface PageWeight {
  html: Bytes;
  js: Bytes;
  css: Bytes;
  scripts: number;
  /** HTML + JS + CSS on the wire. */
  total: number;
}

function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; encoding?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), encoding: response.headers["content-encoding"] }),
        );
      })
      .on("error", reject);
  });
}

async function download(url: string, headers: Record<string, string> = {}): Promise<{ text: string; bytes: Bytes }> {
  const answer = await get(url, { "accept-encoding": "gzip", ...headers });
  if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
  const raw = answer.encoding === "gzip" ? gunzipSync(answer.body) : answer.body;
  return { text: raw.toString("utf8"), bytes: { wire: answer.body.length, raw: raw.length } };
}

const sum = (items: Bytes[]): Bytes => ({ wire: items.reduce((n, b) => n + b.wire, 0), raw: items.reduce((n, b) => n + b.raw, 0) });

export async function weighPage(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<PageWeight> {
  const page = await download(baseUrl + path, headers);
  const assets = (pattern: RegExp) => [...new Set([...page.text.matchAll(pattern)].map((m) => m[1]!))];
  const scripts = assets(/<script[^>]+src="([^"]+)"/g);
  const styles = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const fetchAll = async (urls: string[]) => sum(await Promise.all(urls.map(async (url) => (await download(new URL(url, baseUrl).href)).bytes)));
  const js = await fetchAll(scripts);
  const css = await fetchAll(styles);
  return { html: page.bytes, js, css, scripts: scripts.length, total: page.bytes.wire + js.wire + css.wire };
}
