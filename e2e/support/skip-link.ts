import { expect, type Page } from "@playwright/test";

/**
 * The first Tab lands on the "skip" link, which shows itself when focused; following it, the next
 * Tab lands inside the page's one `<main id="main">`.
 */
export async function expectSkipLinkFirst(page: Page, name: string | RegExp = "Skip to main content") {
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("main#main")).toHaveCount(1);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name });
  await expect(skip).toBeFocused();
  await expect(skip).toHaveAttribute("href", "#main");
  expect((await skip.boundingBox())?.width ?? 0, "the focused skip link is visible").toBeGreaterThan(40);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe("main");
}
