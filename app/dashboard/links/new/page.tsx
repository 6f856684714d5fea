import type { Metadata } from "next";
import Link from "next/link";
import { CreateLinkForm } from "@/components/dashboard/create-link-form";
import { requireMerchant } from "@/lib/auth/session";
import { getSettings } from "@/lib/services/merchants/get-settings";

export const metadata: Metadata = { title: "Create a payment link" };

export default async function NewLinkPage() {
  const scope = await requireMerchant("/dashboard/links/new");
  const settings = await getSettings(scope);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/dashboard/links" className="text-brand-700 underline">
          Payment links
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Create a payment link</h1>
      <CreateLinkForm defaultCurrency={settings.defaultCurrency} />
    </div>
  );
}
