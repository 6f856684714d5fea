"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { createOrderAction } from "@/lib/actions/orders";
import { formErrors, ORDER_FORM_CURRENCIES, orderFormSchema, type OrderFormErrors } from "@/lib/contracts/dashboard/order-form";
import type { OrderKind } from "@/lib/domain/orders/types";

const selectClass = "rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600";

export interface SalesOrderOption {
  id: string;
  label: string;
  currency: string;
}

export function CreateOrderForm({
  defaultCurrency,
  defaultKind = "SALES_ORDER",
  defaultParentId = "",
  salesOrders,
}: {
  defaultCurrency: string;
  defaultKind?: OrderKind;
  defaultParentId?: string;
  /** The sales orders an invoice may belong to, newest first. */
  salesOrders: SalesOrderOption[];
}) {
  const [errors, setErrors] = useState<OrderFormErrors>({});
  const [kind, setKind] = useState<OrderKind>(defaultKind);
  // An invoice is usually in its sales order's currency: choosing the sales order suggests it.
  const [currency, setCurrency] = useState(salesOrders.find((order) => order.id === defaultParentId)?.currency ?? defaultCurrency);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const values = {
      kind: text("kind"),
      number: text("number"),
      total: text("total"),
      currency: text("currency"),
      description: text("description"),
      // Only an invoice belongs to a sales order.
      parentOrderId: text("kind") === "INVOICE" ? text("parentOrderId") : "",
    };
    const parsed = orderFormSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(formErrors<OrderFormErrors>(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await createOrderAction(values);
      if (result?.errors) setErrors(result.errors);
    });
  };

  const invalid = (name: keyof OrderFormErrors) => (errors[name] ? true : undefined);
  const describe = (name: keyof OrderFormErrors, hint?: string) => [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const error = (name: keyof OrderFormErrors) =>
    errors[name] && (
      <p id={`${name}-error`} className="text-sm text-red-700">
        {errors[name]}
      </p>
    );
  const currencies = [...new Set([defaultCurrency, ...ORDER_FORM_CURRENCIES, ...salesOrders.map((order) => order.currency)])];

  return (
    <form onSubmit={submit} noValidate className="flex max-w-2xl flex-col gap-5 rounded-lg border border-slate-200 bg-white p-5">
      {errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {errors.form}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="kind" className="text-sm font-semibold">Kind</label>
          <select
            id="kind"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as OrderKind)}
            aria-invalid={invalid("kind")}
            aria-describedby={describe("kind")}
            className={selectClass}
          >
            <option value="SALES_ORDER">Sales order</option>
            <option value="INVOICE">Invoice</option>
          </select>
          {error("kind")}
        </div>
        <Field
          label={kind === "INVOICE" ? "Invoice number" : "Sales order number"}
          name="number"
          inputMode="numeric"
          autoComplete="off"
          required
          error={errors.number}
          hint="Your own number for it, a whole number."
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_8rem]">
        <Field label="Total" name="total" inputMode="decimal" autoComplete="off" required error={errors.total} hint="In the currency's major units, e.g. 25000 XAF or 120.50 EUR." />
        <div className="flex flex-col gap-1">
          <label htmlFor="currency" className="text-sm font-semibold">Currency</label>
          <select id="currency" name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} aria-invalid={invalid("currency")} aria-describedby={describe("currency")} className={selectClass}>
            {currencies.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
          {error("currency")}
        </div>
      </div>
      <Field label="Description (optional)" name="description" maxLength={500} error={errors.description} hint="What the order is for; shown in the dashboard." />
      {kind === "INVOICE" &&
        (salesOrders.length > 0 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="parentOrderId" className="text-sm font-semibold">Sales order it belongs to (optional)</label>
            <select
              id="parentOrderId"
              name="parentOrderId"
              defaultValue={defaultParentId}
              onChange={(event) => {
                const parent = salesOrders.find((order) => order.id === event.target.value);
                if (parent) setCurrency(parent.currency);
              }}
              aria-invalid={invalid("parentOrderId")}
              aria-describedby={describe("parentOrderId")}
              className={`${selectClass} w-full min-w-0`}
            >
              <option value="">None</option>
              {salesOrders.map((order) => (
                <option key={order.id} value={order.id}>{order.label}</option>
              ))}
            </select>
            {error("parentOrderId")}
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            No sales orders yet: this invoice will stand on its own.
            {errors.parentOrderId && <span className="block text-red-700">{errors.parentOrderId}</span>}
          </p>
        ))}
      <button type="submit" disabled={pending} className="self-start rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? "Creating…" : kind === "INVOICE" ? "Create invoice" : "Create sales order"}
      </button>
    </form>
  );
}
