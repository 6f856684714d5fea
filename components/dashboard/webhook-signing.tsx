"use client";

import { useState, useTransition } from "react";
import { formatDateTime } from "@/components/dashboard/format";
import { rotateSigningSecretAction } from "@/lib/actions/webhooks";

/**
 * The webhook signing secret: hidden until revealed, rotated on request. The secret a rotation
 * replaces keeps signing for 24 hours (both signatures are sent), which this says, with the time.
 */
export function WebhookSigning({ secret: initialSecret, previousValidUntil: initialUntil }: { secret: string; previousValidUntil: string | null }) {
  const [secret, setSecret] = useState(initialSecret);
  const [previousValidUntil, setPreviousValidUntil] = useState(initialUntil);
  const [revealed, setRevealed] = useState(false);
  const [pending, startTransition] = useTransition();

  const rotate = () => {
    if (!window.confirm("Rotate the secret? Webhooks are signed with both the new and the current secret for 24 hours, then with the new one only.")) return;
    startTransition(async () => {
      const rotated = await rotateSigningSecretAction();
      setSecret(rotated.secret);
      setPreviousValidUntil(rotated.previousValidUntil);
      setRevealed(true);
    });
  };

  return (
    <section aria-labelledby="secret" className="flex max-w-2xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="secret" className="font-semibold">Webhook signing secret</h2>
      <p className="text-sm text-slate-700">
        Every webhook is signed with this secret as <a href="https://www.standardwebhooks.com" className="text-brand-700 underline">Standard Webhooks</a>{" "}
        specifies: verify the <code>webhook-signature</code> header with it before trusting a request.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1.5 text-sm" data-testid="webhook-secret">
          {revealed ? secret : `whsec_${"•".repeat(24)}`}
        </code>
        <button type="button" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100">
          {revealed ? "Hide" : "Reveal"}
        </button>
        <button type="button" disabled={pending} onClick={rotate} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 disabled:opacity-60">
          Rotate
        </button>
      </div>
      <p role="status" className="text-sm text-slate-700" data-testid="previous-secret">
        {previousValidUntil
          ? `The previous secret stays valid until ${formatDateTime(new Date(previousValidUntil))} (Douala time): until then every webhook carries a signature with each secret.`
          : "Rotating keeps the current secret valid for 24 hours, so your servers can switch without missing a webhook."}
      </p>
    </section>
  );
}
