import { describe, expect, it } from "vitest";
import { normalizeCameroonMobile } from "./phone";

describe("normalizeCameroonMobile", () => {
  it.each([
    [671381152, "237671381152"],
    ["671381152", "237671381152"],
    ["237671381152", "237671381152"],
    ["+237 6 71 38 11 52", "237671381152"],
    ["00237-691-000-001", "237691000001"],
  ])("%j -> %s", (input, expected) => {
    expect(normalizeCameroonMobile(input)).toBe(expected);
  });

  it.each(["", "12345", "571381152", "2376713811", "+33612345678", "67138115a", "222123456", "6".repeat(40)])("refuses %j, naming the field", (input) => {
    expect(() => normalizeCameroonMobile(input)).toThrow(/phone_number must be a Cameroon mobile number/);
  });
});
