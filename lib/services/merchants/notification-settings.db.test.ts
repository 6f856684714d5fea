import { describe, expect, it } from "vitest";
import { createMerchant } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { getSettings } from "./get-settings";
import { getNotificationSettings, updateNotificationSettings } from "./notification-settings";

describe("notification settings", () => {
  it("are off with no address for a new merchant", async () => {
    expect(await getNotificationSettings(await createMerchant())).toEqual({ notifyPayments: false, notificationEmail: null });
  });

  it("turn the email per payment on with a normalised address, off again, and clear the address; other settings stay", async () => {
    const scope = await createMerchant();
    const neighbour = await createMerchant();
    const before = await getSettings(scope);
    expect(await updateNotificationSettings(scope, { notifyPayments: true, notificationEmail: "  Caisse@Shop.TEST " })).toEqual({
      notifyPayments: true,
      notificationEmail: "caisse@shop.test",
    });
    expect(await getNotificationSettings(scope)).toEqual({ notifyPayments: true, notificationEmail: "caisse@shop.test" });
    expect(await updateNotificationSettings(scope, { notifyPayments: false, notificationEmail: "caisse@shop.test" })).toEqual({
      notifyPayments: false,
      notificationEmail: "caisse@shop.test",
    });
    expect(await updateNotificationSettings(scope, { notifyPayments: false, notificationEmail: "" })).toEqual({ notifyPayments: false, notificationEmail: null });
    expect(await updateNotificationSettings(scope, { notifyPayments: false, notificationEmail: null })).toEqual({ notifyPayments: false, notificationEmail: null });
    expect(await getSettings(scope)).toEqual(before);
    expect(await getNotificationSettings(neighbour)).toEqual({ notifyPayments: false, notificationEmail: null });
  });

  it("refuse a bad address, or turning them on without one, naming the field, and change nothing", async () => {
    const scope = await createMerchant();
    const cases: [Parameters<typeof updateNotificationSettings>[1], string, string][] = [
      [{ notifyPayments: true, notificationEmail: "" }, "notification_email", "Enter the email address that receives payment notifications"],
      [{ notifyPayments: true, notificationEmail: null }, "notification_email", "Enter the email address that receives payment notifications"],
      [{ notifyPayments: false, notificationEmail: "not-an-email" }, "notification_email", "Notification email must be an email address"],
      [{ notifyPayments: true, notificationEmail: `${"a".repeat(250)}@x.cm` }, "notification_email", "Notification email must be at most 254 characters"],
      [{ notifyPayments: "yes" as unknown as boolean, notificationEmail: "a@b.cm" }, "notify_payments", "Email me for each successful payment must be true or false"],
    ];
    for (const [input, field, message] of cases) {
      const error = await rejection(updateNotificationSettings(scope, input));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.field).toBe(field);
      expect(error.message).toBe(message);
    }
    expect(await getNotificationSettings(scope)).toEqual({ notifyPayments: false, notificationEmail: null });
  });

  it("are NOT_FOUND for a merchant that does not exist", async () => {
    const ghost = { merchantId: "00000000-0000-4000-8000-000000000000" };
    expect((await rejection(getNotificationSettings(ghost))).code).toBe("NOT_FOUND");
    expect((await rejection(updateNotificationSettings(ghost, { notifyPayments: false, notificationEmail: null }))).code).toBe("NOT_FOUND");
  });
});
