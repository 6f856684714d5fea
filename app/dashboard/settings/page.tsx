import type { Metadata } from "next";
import { SettingsForm } from "@/components/dashboard/settings-form";
import { WebhookEndpoints } from "@/components/dashboard/webhook-endpoints";
import { WebhookSigning } from "@/components/dashboard/webhook-signing";
import { requireMerchant } from "@/lib/auth/session";
import { countActiveSessions } from "@/lib/services/accounts/sessions";
import { getSettings } from "@/lib/services/merchants/get-settings";
import { getNotificationSettings } from "@/lib/services/merchants/notification-settings";
import { httpsOnlyEndpoints } from "@/lib/services/webhooks/endpoint-url";
import { getWebhookSigning } from "@/lib/services/webhooks/get-signing";
import { listWebhookEndpoints } from "@/lib/services/webhooks/list-endpoints";
import { NotificationSettingsForm } from "./notification-settings-form";
import { SecuritySettings } from "./security-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const scope = await requireMerchant("/dashboard/settings");
  const [settings, notifications, endpoints, signing, activeSessions] = await Promise.all([
    getSettings(scope),
    getNotificationSettings(scope),
    listWebhookEndpoints(scope),
    getWebhookSigning(scope),
    countActiveSessions(scope.userId),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsForm settings={settings} />
      <WebhookEndpoints
        httpsOnly={httpsOnlyEndpoints()}
        endpoints={endpoints.map((endpoint) => ({
          id: endpoint.id,
          url: endpoint.url,
          events: endpoint.events,
          enabled: endpoint.enabled,
          disabledAt: endpoint.disabledAt?.toISOString() ?? null,
          disabledReason: endpoint.disabledReason,
        }))}
      />
      <WebhookSigning secret={signing.secret} previousValidUntil={signing.previousValidUntil?.toISOString() ?? null} />
      <NotificationSettingsForm settings={notifications} suggestedEmail={scope.email} />
      <SecuritySettings activeSessions={activeSessions} />
    </div>
  );
}
