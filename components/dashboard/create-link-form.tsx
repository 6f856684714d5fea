"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { createLinkAction } from "@/lib/actions/links";
import { LINK_FORM_CURRENCIES, linkFormErrors, linkFormSchema, type LinkFormErrors } from "@/lib/contracts/dashboard/link-form";
import { MetadataEditor, type Pair } from "./metadata-editor";

const selectClass = "rounded-md border border-slate-300 px-3 py-2";

export function CreateLinkForm({ defaultCurrency }: { defaultCurrency: string }) {
  const [errors, setErrors] = useState<LinkFormErrors>({});
  const [metadata, setMetadata] = useState<Pair[]>([]);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const expires = text("expiresAt");
    const values = {
      amount: text("amount"),
      currency: text("currency"),
      description: text("description"),
      // datetime-local is the browser's local time: send an instant.
      expiresAt: expires ? new Date(expires).toISOString() : "",
      maxUses: text("maxUses"),
      provider: text("provider"),
      type: text("type"),
      mode: text("mode"),
      reference: text("reference"),
      customerEmail: text("customerEmail"),
      customerPhone: text("customerPhone"),
      deliveryMethod: text("deliveryMethod"),
      metadata,
    };
    const parsed = linkFormSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(linkFormErrors(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await createLinkAction(values);
      if (result?.errors) setErrors(result.errors);
    });
  };

  const describe = (name: keyof LinkFormErrors) => (errors[name] ? `${name}-error` : undefined);
  const error = (name: keyof LinkFormErrors) =>
    errors[name] && (
      <p id={`${name}-error`} className="text-sm text-red-700">
        {errors[name]}
      </p>
    );

  return (
    <form onSubmit={submit} noValidate className="flex max-w-2xl flex-col gap-5 rounded-lg border border-slate-200 bg-white p-5">
      {errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {errors.form}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_8rem]">
        <Field label="Amount" name="amount" inputMode="decimal" autoComplete="off" required error={errors.amount} hint="In the currency's major units, e.g. 5000 XAF or 10.50 EUR." />
        <div className="flex flex-col gap-1">
          <label htmlFor="currency" className="text-sm font-semibold">Currency</label>
          <select id="currency" name="currency" defaultValue={defaultCurrency} aria-describedby={describe("currency")} className={selectClass}>
            {LINK_FORM_CURRENCIES.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
          {error("currency")}
        </div>
      </div>
      <Field label="Description" name="description" maxLength={500} error={errors.description} hint="What the customer pays for." />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Expires at (optional)" name="expiresAt" type="datetime-local" error={errors.expiresAt} />
        <Field label="Maximum uses" name="maxUses" type="number" min={1} max={100} defaultValue="1" required error={errors.maxUses} />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="provider" className="text-sm font-semibold">Preferred provider</label>
          <select id="provider" name="provider" defaultValue="" className={selectClass}>
            <option value="">Customer chooses</option>
            <option value="MTN_CAM">MTN Mobile Money</option>
            <option value="ORANGE_CAM">Orange Money</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="type" className="text-sm font-semibold">Type</label>
          <select id="type" name="type" defaultValue="COLLECTION" className={selectClass}>
            <option value="COLLECTION">Collection</option>
            <option value="DEPOSIT">Deposit</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="mode" className="text-sm font-semibold">Mode</label>
          <select id="mode" name="mode" defaultValue="SANDBOX" className={selectClass}>
            <option value="SANDBOX">Sandbox (test)</option>
            <option value="LIVE">Live</option>
          </select>
        </div>
      </div>
      <Field label="Order or invoice number (optional)" name="reference" maxLength={100} error={errors.reference} />
      <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Send the link to the customer</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="deliveryMethod" className="text-sm font-semibold">Delivery</label>
          <select id="deliveryMethod" name="deliveryMethod" defaultValue="0" className={selectClass}>
            <option value="0">Don&apos;t send</option>
            <option value="1">Email</option>
            <option value="2">SMS</option>
            <option value="3">Email and SMS</option>
          </select>
        </div>
        <Field label="Customer email" name="customerEmail" type="email" autoComplete="off" error={errors.customerEmail} />
        <Field label="Customer phone" name="customerPhone" type="tel" autoComplete="off" error={errors.customerPhone} />
      </fieldset>
      <MetadataEditor pairs={metadata} onChange={setMetadata} error={errors.metadata} />
      <button type="submit" disabled={pending} className="self-start rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? "Creating…" : "Create payment link"}
      </button>
    </form>
  );
}
