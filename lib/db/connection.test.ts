import { describe, expect, it } from "vitest";
import { formatDatabaseUrl, parseDatabaseUrl } from "./connection";

describe("parseDatabaseUrl", () => {
  it("splits a URL into the fields the adapter needs, decoding them", () => {
    expect(parseDatabaseUrl("postgresql://app:p%40ss@db.internal:6543/pay?sslmode=require")).toEqual({
      host: "db.internal",
      port: 6543,
      user: "app",
      password: "p@ss",
      database: "pay",
      ssl: true,
    });
  });
  it("defaults the port and round-trips through formatDatabaseUrl", () => {
    const parsed = parseDatabaseUrl("postgres://u:p@localhost/db");
    expect(parsed.port).toBe(5432);
    expect(parseDatabaseUrl(formatDatabaseUrl(parsed))).toEqual(parsed);
  });
  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://u:p@h/db", /must start with postgresql/],
    ["postgresql://u:p@h:5432/", /names no database/],
  ])("refuses %s", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });
});
