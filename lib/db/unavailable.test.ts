import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises the shapes Prisma and pg give an unreachable or failing database", () => {
    const adapter = (cause: object) => Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
    const cases: unknown[] = [
      adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }),
      adapter({ kind: "ConnectionClosed" }),
      adapter({ kind: "SocketTimeout" }),
      adapter({ kind: "TooManyConnections", cause: "too many" }),
      adapter({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }),
      adapter({ kind: "postgres", code: "08006", message: "connection failure" }),
      Object.assign(new Error("Can't reach database server"), { code: "P1001" }),
      Object.assign(new Error("Timed out fetching a new connection from the connection pool"), { code: "P2024" }),
      new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") }),
      new Error("wrapped", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) }),
      new Error("Query read timeout"),
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("does not mistake a query's own failure or a domain error for an outage", () => {
    const adapter = (cause: object) => Object.assign(new Error("failed"), { code: "P2010", meta: { driverAdapterError: { cause } } });
    const cases: unknown[] = [
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
      adapter({ kind: "UniqueConstraintViolation", constraint: { fields: ["slug"] } }),
      adapter({ kind: "postgres", code: "22P02", message: "invalid input syntax for type uuid" }),
      adapter({ kind: "postgres", code: "40001", message: "could not serialize access" }),
      new Error("Payment link not found"),
      new TypeError("Cannot read properties of undefined"),
      Object.assign(new Error("Transaction already closed: A commit cannot be executed on an expired transaction."), { code: "P2028" }),
      "a string",
      null,
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });

  it("stops on a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
