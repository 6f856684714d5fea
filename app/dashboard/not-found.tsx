import Link from "next/link";

export default function DashboardNotFound() {
  return (
    <div className="flex flex-col items-start gap-3 py-10">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p>This page does not exist, or it belongs to another account.</p>
      <Link href="/dashboard/links" className="text-brand-700 underline">
        Back to your payment links
      </Link>
    </div>
  );
}
