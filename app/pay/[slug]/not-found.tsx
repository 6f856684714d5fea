import { headers } from "next/headers";
import { SkipLink } from "@/components/ui/skip-link";
import { MESSAGES, resolveLanguage } from "@/lib/i18n/pay-page";

export default async function PayLinkNotFound() {
  const lang = resolveLanguage({ acceptLanguage: (await headers()).get("accept-language") });
  const t = MESSAGES[lang];
  return (
    <>
      <SkipLink label={t.skipToContent} lang={lang} />
      <main id="main" lang={lang} className="mx-auto flex min-h-screen max-w-md flex-col gap-3 px-4 py-10">
        <h1 className="text-2xl font-bold">{t.notFoundTitle}</h1>
        <p>{t.notFoundText}</p>
      </main>
    </>
  );
}
