import { formatDate, type Locale } from "../../app/i18n";

const tags: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

/**
 * When a notification came, relative to `now` in the user's language ("5 phút trước", "hôm qua"); under a minute
 * `justNow`; from a week on, the date.
 */
export function relativeTime(iso: string, loc: Locale, justNow: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const ago = -seconds;
  if (ago < 60) return justNow;
  const rtf = new Intl.RelativeTimeFormat(tags[loc], { numeric: "auto" });
  if (ago < 3600) return rtf.format(-Math.floor(ago / 60), "minute");
  if (ago < 86400) return rtf.format(-Math.floor(ago / 3600), "hour");
  if (ago < 7 * 86400) return rtf.format(-Math.floor(ago / 86400), "day");
  return formatDate(iso, loc);
}

/** Where a notification leads, or null: only a path on this site (`/record`), never another site's address. */
export function notificationHref(link: string | null | undefined): string | null {
  return link && /^\/(?![/\\])/.test(link) ? link : null;
}
