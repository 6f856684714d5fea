import type { PayPage } from "@/lib/services/pay-page/get-pay-page";

/** The HTTP status of the pay page: 404 unknown, 410 gone (unless following a payment), else 200. */
export function payPageStatus(page: PayPage | null): 200 | 404 | 410 {
  if (!page) return 404;
  if (page.payment) return 200;
  return page.gone ? 410 : 200;
}
