/** Shown while the settings (business details, webhook endpoints, signing secret) are read on the server. */
export default function SettingsLoading() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <p role="status" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
        Loading…
      </p>
    </div>
  );
}
