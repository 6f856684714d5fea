import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Impacts that fail the check: everything axe rates moderate or worse (only "minor" is let through). */
const FAILING_IMPACTS = new Set(["moderate", "serious", "critical"]);

/** No moderate, serious or critical accessibility violation on the page as it is now. */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations
    .filter((v) => v.impact != null && FAILING_IMPACTS.has(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(violations).toEqual([]);
}
