"use client";

import Link from "next/link";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { createOrderLinkAction, recordPaymentElsewhereAction, type CreatedOrderLink } from "@/lib/actions/orders";
import {
  formErrors,
  orderLinkFormSchema,
  orderPaymentFormSchema,
  type OrderLinkFormErrors,
  type OrderPaymentFormErrors,
} from "@/lib/contracts/dashboard/order-form";
import type { OrderLinkKind } from "@/lib/domain/orders/types";
import { formatMoney } from "@/lib/money";

const money = (minor: number, currency: string) => formatMoney(minor, currency, "en-GB");

interface Props {
  orderId: string;
  currency: string;
  unpaidMinor: number;
}

/** On an order with something left to pay: record a payment made elsewhere, create a payment link. */
export function OrderActions(props: Props) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <RecordPaymentForm {...props} />
      <CreateLinkForm {...props} />
    </div>
  );
}

function FormAlert({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {message}
    </p>
  ) : null;
}

function RecordPaymentForm({ orderId, currency, unpaidMinor }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<OrderPaymentFormErrors>({});
  const [recorded, setRecorded] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRecorded(null);
    const amount = String(new FormData(event.currentTarget).get("amount") ?? "");
    const parsed = orderPaymentFormSchema.safeParse({ amount, currency });
    if (!parsed.success) {
      setErrors(formErrors<OrderPaymentFormErrors>(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await recordPaymentElsewhereAction(orderId, { amount });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      formRef.current?.reset();
      setRecorded(`${amount.trim()} ${currency} recorded as paid elsewhere.`);
    });
  };

  return (
    <section aria-labelledby="record-payment" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="record-payment" className="font-semibold">Record a payment made elsewhere</h2>
      <p className="mt-1 text-sm text-slate-600">Cash, bank transfer or anything paid outside these links counts toward the order.</p>
      <form ref={formRef} onSubmit={submit} noValidate className="mt-3 flex flex-col gap-3">
        <FormAlert message={errors.form} />
        <Field
          id="elsewhere-amount"
          label={`Amount paid (${currency})`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          error={errors.amount}
          hint={`In major units; at most ${money(unpaidMinor, currency)}, the unpaid rest.`}
        />
        <button type="submit" disabled={pending} className="self-start rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? "Recording…" : "Record payment"}
        </button>
        <p role="status" className="text-sm font-semibold text-emerald-800">{recorded}</p>
      </form>
    </section>
  );
}

const LINK_CHOICES: { kind: OrderLinkKind; label: (rest: string) => string; hint: string }[] = [
  { kind: "rest", label: (rest) => `The unpaid rest: ${rest}`, hint: "A fixed amount, paid in one go." },
  { kind: "advance", label: () => "An advance of an amount", hint: "A fixed part of the rest; the order stays partly paid." },
  { kind: "dynamic", label: () => "Dynamic: follows the unpaid rest", hint: "Takes whatever is still unpaid when the customer pays." },
];

function CreateLinkForm({ orderId, currency, unpaidMinor }: Props) {
  const [kind, setKind] = useState<OrderLinkKind>("rest");
  const [errors, setErrors] = useState<OrderLinkFormErrors>({});
  const [created, setCreated] = useState<CreatedOrderLink | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { kind: String(form.get("linkKind") ?? ""), amount: String(form.get("amount") ?? ""), mode: String(form.get("mode") ?? "") };
    const parsed = orderLinkFormSchema.safeParse({ ...values, currency });
    if (!parsed.success) {
      setErrors(formErrors<OrderLinkFormErrors>(parsed.error));
      return;
    }
    setErrors({});
    setCreated(null);
    startTransition(async () => {
      const result = await createOrderLinkAction(orderId, values);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setCreated(result.link);
    });
  };

  return (
    <section aria-labelledby="create-link" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-link" className="font-semibold">Create a payment link</h2>
      <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-4">
        <FormAlert message={errors.form} />
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.kind ? "linkKind-error" : undefined}>
          <legend className="mb-1 text-sm font-semibold">The link asks for</legend>
          {LINK_CHOICES.map((choice) => (
            <div key={choice.kind} className="flex items-start gap-2">
              <input
                id={`linkKind-${choice.kind}`}
                type="radio"
                name="linkKind"
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => setKind(choice.kind)}
                aria-describedby={`linkKind-${choice.kind}-hint`}
                className="mt-1"
              />
              <span className="flex flex-col">
                <label htmlFor={`linkKind-${choice.kind}`} className="font-semibold">
                  {choice.label(money(unpaidMinor, currency))}
                </label>
                <span id={`linkKind-${choice.kind}-hint`} className="text-sm text-slate-600">{choice.hint}</span>
              </span>
            </div>
          ))}
          {errors.kind && <p id="linkKind-error" className="text-sm text-red-700">{errors.kind}</p>}
        </fieldset>
        {kind === "advance" && (
          <Field
            id="advance-amount"
            label={`Amount of the advance (${currency})`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            required
            error={errors.amount}
            hint={`In major units; at most ${money(unpaidMinor, currency)}, the unpaid rest.`}
          />
        )}
        {kind !== "advance" && errors.amount && <p role="alert" className="text-sm text-red-700">{errors.amount}</p>}
        <div className="flex flex-col gap-1">
          <label htmlFor="link-mode" className="text-sm font-semibold">Mode</label>
          <select id="link-mode" name="mode" defaultValue="SANDBOX" aria-describedby={errors.mode ? "link-mode-error" : undefined} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="SANDBOX">Sandbox (test)</option>
            <option value="LIVE">Live</option>
          </select>
          {errors.mode && <p id="link-mode-error" className="text-sm text-red-700">{errors.mode}</p>}
        </div>
        <button type="submit" disabled={pending} className="self-start rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? "Creating…" : "Create payment link"}
        </button>
      </form>
      <div role="status" className="mt-4 empty:hidden">
        {created && (
          <div className="flex flex-col gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm" data-testid="created-link">
            <p className="font-semibold text-emerald-900">
              {created.reused ? "An open link asking for this already exists: here it is." : "Payment link created."}{" "}
              {created.dynamicAmount ? "It follows the unpaid rest." : `It asks for ${money(created.amountMinor, created.currency)}.`}
            </p>
            <span className="text-slate-700">Pay URL</span>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5" data-testid="created-link-url">{created.payUrl}</code>
              <CopyButton value={created.payUrl} label="Copy pay URL" />
            </div>
            <Link href={`/dashboard/links/${created.id}`} className="self-start font-semibold text-brand-700 underline">
              Open the link&apos;s page
            </Link>
          </div>
        )}
      </div>
    </section>
  );
}
