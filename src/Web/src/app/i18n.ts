import { vi, type MessageKey } from "./messages.vi";
import { Store } from "./store";

export type Locale = "vi" | "en";
export type { MessageKey };

const LOCALE_KEY = "vape.locale";
const catalogues: Partial<Record<Locale, Record<MessageKey, string>>> = { vi };

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(LOCALE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export const locale = new Store<Locale>("vi");

/** Switches the language; English is loaded on demand (Vietnamese is in the first bundle). */
export async function setLocale(next: Locale): Promise<void> {
  if (!catalogues[next]) catalogues[next] = (await import("./messages.en")).en;
  try {
    globalThis.localStorage?.setItem(LOCALE_KEY, next);
  } catch {
    /* private mode: the choice lasts this visit */
  }
  if (typeof document !== "undefined") document.documentElement.lang = next;
  locale.set(next);
}

export async function initLocale(): Promise<void> {
  const wanted = initialLocale();
  if (wanted !== "vi") await setLocale(wanted);
}

/** The text for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[locale.value]?.[key] ?? vi[key];
  return params ? format(text, params) : text;
}

export function format(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const tags: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const zone = "Asia/Ho_Chi_Minh";

/** A date and time in the user's language, in Viet Nam's time (classes happen there). */
export function formatDateTime(iso: string, loc: Locale = locale.value): string {
  return new Intl.DateTimeFormat(tags[loc], { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(iso));
}

export function formatDate(isoOrDate: string, loc: Locale = locale.value): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(isoOrDate + "T00:00:00+07:00") : new Date(isoOrDate);
  return new Intl.DateTimeFormat(tags[loc], { dateStyle: "medium", timeZone: zone }).format(d);
}

export function formatTime(iso: string, loc: Locale = locale.value): string {
  return new Intl.DateTimeFormat(tags[loc], { timeStyle: "short", timeZone: zone }).format(new Date(iso));
}

export function formatNumber(n: number, loc: Locale = locale.value): string {
  return new Intl.NumberFormat(tags[loc], { maximumFractionDigits: 1 }).format(n);
}
