/** How the dashboard writes dates (merchants' time zone) and providers, in one place. */
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Douala" });

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

export const PROVIDER_LABELS = { MTN_CAM: "MTN MoMo", ORANGE_CAM: "Orange Money" } as const;
