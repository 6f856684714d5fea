import { describe, expect, it } from "vitest";
import { instanvi } from "@/lib/contracts/instanvi/contract";
import "@/lib/contracts/instanvi/operations";
import { allowedMethods } from "./fallback";

const allowedInstanviMethods = (path: string) => {
  const methods = allowedMethods([instanvi], path);
  return methods.length ? methods : null;
};

describe("the methods served at an Instanvi path", () => {
  it.each([
    ["/api/payment-links", ["GET"]],
    ["/api/payment-links/create", ["POST", "GET", "PATCH"]],
    ["/api/payment-links/pay_abc", ["GET", "PATCH"]],
    ["/api/payment-links/pay_abc/redeem", ["POST"]],
    ["/api/payment-links/1f0c/cancel", ["POST"]],
    ["/api/payment-links/id/1f0c", ["GET"]],
  ])("%s -> %j", (path, methods) => {
    expect(allowedInstanviMethods(path)?.sort()).toEqual([...methods].sort());
  });

  it("knows nothing of other paths", () => {
    expect(allowedInstanviMethods("/api/openapi.json")).toBeNull();
    expect(allowedInstanviMethods("/api/payment-links/a/b/c")).toBeNull();
  });
});
