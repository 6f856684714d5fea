/**
 * A real SMTP server for tests (smtp-server on a free port of loopback) that keeps what it
 * receives, and a minimal reader of what nodemailer writes: headers (folded, RFC 2047 words),
 * one level of multipart, quoted-printable and base64 bodies. Enough to check our own messages.
 * It accepts the login paylinks / s3cret:pass (SMTP_TEST_USER, SMTP_TEST_PASSWORD) or none.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { expect } from "vitest";

export const SMTP_TEST_USER = "paylinks";
export const SMTP_TEST_PASSWORD = "s3cret:pass";

export interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function decodeBytes(encoding: string | undefined, body: string): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "quoted-printable": {
      const soft = body.replace(/=\r?\n/g, "");
      const bytes: number[] = [];
      for (let i = 0; i < soft.length; i++) {
        if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
          bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
          i += 2;
        } else {
          bytes.push(...Buffer.from(soft[i]!, "utf8"));
        }
      }
      return Buffer.from(bytes).toString("utf8");
    }
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQbq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeBytes("quoted-printable", text.replace(/_/g, " ")),
    );
}

function parsePart(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

export interface ParsedEmail {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

export function parseEmail(raw: string): ParsedEmail {
  const top = parsePart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers.get("content-type") ?? "")?.[1];
  expect(top.headers.get("content-type")).toMatch(/^multipart\/alternative/);
  const parts = top.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => parsePart(chunk.replace(/^\r?\n/, "").replace(/\r?\n$/, "")));
  const part = (type: string) => {
    const found = parts.find((p) => p.headers.get("content-type")?.startsWith(type));
    expect(found?.headers.get("content-type"), type).toMatch(/charset=utf-8/i);
    return decodeBytes(found!.headers.get("content-transfer-encoding"), found!.body).replace(/\r\n/g, "\n");
  };
  return { headers: top.headers, subject: top.headers.get("subject") ?? "", text: part("text/plain"), html: part("text/html") };
}


export interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

export async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_TEST_USER && auth.password === SMTP_TEST_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback(null, "queued as TEST1");
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
