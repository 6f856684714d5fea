import type { Metadata } from "next";
import { SettingsForm } from "@/components/dashboard/settings-form";
import { requireMerchant } from "@/lib/auth/session";
import { getSettings } from "@/lib/services/merchants/get-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const scope = await requireMerchant("/dashboard/settings");
  const settings = await getSettings(scope);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsForm settings={settings} />
    </div>
  );
}
