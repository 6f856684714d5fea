import { describe, expect, it } from "vitest";
import { TEST_NUMBERS, TEST_OUTCOMES, testOutcomeFor } from "./test-numbers";

describe("TEST_NUMBERS", () => {
  it("gives each provider one number per outcome, in its own range", () => {
    for (const [provider, prefix] of [
      ["MTN_CAM", "67"],
      ["ORANGE_CAM", "69"],
    ] as const) {
      const numbers = TEST_NUMBERS.filter((test) => test.provider === provider);
      expect(numbers.map((test) => test.outcome).sort()).toEqual([...TEST_OUTCOMES].sort());
      for (const test of numbers) {
        expect(test.number).toMatch(new RegExp(`^${prefix}\\d{7}$`));
        expect(test.msisdn).toBe(`237${test.number}`);
        expect(test.description.en).not.toBe("");
        expect(test.description.fr).not.toBe(test.description.en);
      }
    }
  });
});

describe("testOutcomeFor", () => {
  it.each([
    ["237670000001", "SUCCESS"],
    ["237670000002", "INSUFFICIENT_FUNDS"],
    ["670000003", "PAYER_REJECTED"],
    ["+237 670 00 00 04", "PENDING"],
    ["00237670000005", "PROVIDER_ERROR"],
    ["237690000002", "INSUFFICIENT_FUNDS"],
    ["237690000003", "PAYER_REJECTED"],
    ["237690000004", "PENDING"],
    ["237690000005", "PROVIDER_ERROR"],
    ["237671234567", "SUCCESS"],
    ["237699999999", "SUCCESS"],
    ["237237670000002", "SUCCESS"],
  ])("%s -> %s", (msisdn, outcome) => {
    expect(testOutcomeFor(msisdn)).toBe(outcome);
  });
});
