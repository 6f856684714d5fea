import { describe, expect, it } from "vitest";
import { compareTimelineEvents } from "./timeline";

describe("compareTimelineEvents", () => {
  it("orders by time, and events of the same millisecond in the order the services cause them", () => {
    const t = new Date("2026-03-01T10:00:00.000Z");
    const later = new Date(t.getTime() + 1);
    const events = [
      { type: "link.paid", createdAt: t },
      { type: "payment.succeeded", createdAt: later },
      { type: "custom.thing", createdAt: t },
      { type: "link.redeemed", createdAt: t },
      { type: "payment.created", createdAt: t },
    ];
    expect([...events].sort(compareTimelineEvents).map((e) => e.type)).toEqual([
      "payment.created",
      "link.redeemed",
      "link.paid",
      "custom.thing",
      "payment.succeeded",
    ]);
  });
});
