/** Instanvi's envelope: `{status_code, status, message, data}`; errors carry `data: {}`. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: "OK",
  201: "CREATED",
  400: "BAD REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT FOUND",
  405: "METHOD NOT ALLOWED",
  409: "CONFLICT",
  410: "GONE",
  422: "UNPROCESSABLE ENTITY",
  429: "TOO MANY REQUESTS",
  500: "INTERNAL SERVER ERROR",
};

export interface Envelope<T = unknown> {
  status_code: number;
  status: string;
  message: string;
  data: T;
}

export function envelope<T>(statusCode: number, message: string, data: T): Envelope<T> {
  return { status_code: statusCode, status: STATUS_TEXT[statusCode] ?? "ERROR", message, data };
}

export function errorEnvelope(statusCode: number, message: string): Envelope<Record<string, never>> {
  return envelope(statusCode, message, {});
}
