"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { cancelLinkAction, updateLinkAction } from "@/lib/actions/links";
import { MetadataEditor, type Pair } from "./metadata-editor";

interface Props {
  id: string;
  description: string;
  expiresAtIso: string | null;
  maxUses: number;
  currentUses: number;
  metadata: Pair[];
}

/** Edit and cancel, offered only when the lifecycle allows them (the server checks again). */
/** An instant as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function LinkActions(props: Props) {
  const router = useRouter();
  const expiresAtLocal = toLocalInput(props.expiresAtIso);
  const editDialog = useRef<HTMLDialogElement>(null);
  const cancelDialog = useRef<HTMLDialogElement>(null);
  const [metadata, setMetadata] = useState<Pair[]>(props.metadata);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get("description") ?? "");
    const expires = String(form.get("expiresAt") ?? "");
    const maxUses = String(form.get("maxUses") ?? "");
    const changes = {
      ...(description !== props.description ? { description } : {}),
      ...(expires !== expiresAtLocal ? { expiresAt: expires ? new Date(expires).toISOString() : "" } : {}),
      ...(maxUses !== String(props.maxUses) ? { maxUses } : {}),
      ...(JSON.stringify(metadata) !== JSON.stringify(props.metadata) ? { metadata } : {}),
    };
    startTransition(async () => {
      const result = await updateLinkAction(props.id, changes);
      if (!result.ok) {
        setError({ message: result.error ?? "The link could not be saved", field: result.field });
        return;
      }
      setError(null);
      editDialog.current?.close();
      router.refresh();
    });
  };

  const cancel = () =>
    startTransition(async () => {
      const result = await cancelLinkAction(props.id);
      if (!result.ok) {
        setCancelError(result.error ?? "The link could not be cancelled");
        return;
      }
      cancelDialog.current?.close();
      router.refresh();
    });

  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" onClick={() => editDialog.current?.showModal()} className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">
        Edit
      </button>
      <button type="button" onClick={() => cancelDialog.current?.showModal()} className="rounded-md border border-red-300 px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
        Cancel link
      </button>

      <dialog ref={editDialog} aria-labelledby="edit-title" className="m-auto w-full max-w-lg rounded-lg p-0 backdrop:bg-black/40">
        <form onSubmit={save} className="flex flex-col gap-4 p-5" noValidate>
          <h2 id="edit-title" className="text-lg font-bold">Edit link</h2>
          {error && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
              {error.message}
            </p>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor="edit-description" className="text-sm font-semibold">Description</label>
            <input id="edit-description" name="description" defaultValue={props.description} maxLength={500} className="rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="edit-expires" className="text-sm font-semibold">Expires at</label>
            <input id="edit-expires" name="expiresAt" type="datetime-local" defaultValue={expiresAtLocal} suppressHydrationWarning aria-invalid={error?.field === "expires_at" || undefined} className="rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="edit-max-uses" className="text-sm font-semibold">Maximum uses</label>
            <input id="edit-max-uses" name="maxUses" type="number" min={Math.max(1, props.currentUses)} max={100} defaultValue={props.maxUses} aria-invalid={error?.field === "max_uses" || undefined} className="rounded-md border border-slate-300 px-3 py-2" />
            <p className="text-sm text-slate-600">At least {Math.max(1, props.currentUses)} (uses so far: {props.currentUses}).</p>
          </div>
          <MetadataEditor pairs={metadata} onChange={setMetadata} />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => editDialog.current?.close()} className="rounded-md border border-slate-300 px-4 py-2 font-semibold">Close</button>
            <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {pending ? "Saving…" : "Save changes"}
            </button>
          </div>
        </form>
      </dialog>

      <dialog ref={cancelDialog} aria-labelledby="cancel-title" className="m-auto w-full max-w-md rounded-lg p-0 backdrop:bg-black/40">
        <div className="flex flex-col gap-4 p-5">
          <h2 id="cancel-title" className="text-lg font-bold">Cancel this link?</h2>
          <p>Customers will no longer be able to pay it. This cannot be undone.</p>
          {cancelError && (
            <p role="alert" className="text-sm text-red-800">{cancelError}</p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => cancelDialog.current?.close()} className="rounded-md border border-slate-300 px-4 py-2 font-semibold">Keep link</button>
            <button type="button" onClick={cancel} disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {pending ? "Cancelling…" : "Yes, cancel link"}
            </button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
