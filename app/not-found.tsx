import type { Metadata } from "next";
import Link from "next/link";
import { NarrowPage } from "@/components/ui/narrow-page";

export const metadata: Metadata = { title: "Page not found" };

/** Any URL that matches no page: the same landmarks as every other page, instead of Next's bare default. */
export default function NotFound() {
  return (
    <NarrowPage title="Page not found" wide>
      <p>There is nothing at this address.</p>
      <Link href="/" className="self-start text-brand-700 underline">
        Go to the home page
      </Link>
    </NarrowPage>
  );
}
