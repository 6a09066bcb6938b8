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

const dateStyles = {
  dateTime: { dateStyle: "medium", timeStyle: "short", timeZone: zone },
  date: { dateStyle: "medium", timeZone: zone },
  time: { timeStyle: "short", timeZone: zone },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// An Intl formatter costs far more to make than to use, and a busy live class formats the time of every line drawn
// each frame (the 50-lines-a-second soak): one formatter per language and style, made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function dateFormat(loc: Locale, style: keyof typeof dateStyles): Intl.DateTimeFormat {
  const key = loc + ":" + style;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(tags[loc], dateStyles[style])));
  return f;
}

/** A date and time in the user's language, in Viet Nam's time (classes happen there). */
export function formatDateTime(iso: string, loc: Locale = locale.value): string {
  return dateFormat(loc, "dateTime").format(new Date(iso));
}

export function formatDate(isoOrDate: string, loc: Locale = locale.value): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(isoOrDate + "T00:00:00+07:00") : new Date(isoOrDate);
  return dateFormat(loc, "date").format(d);
}

export function formatTime(iso: string, loc: Locale = locale.value): string {
  return dateFormat(loc, "time").format(new Date(iso));
}

export function formatNumber(n: number, loc: Locale = locale.value): string {
  return numberFormat(loc).format(n);
}

function numberFormat(loc: Locale): Intl.NumberFormat {
  let f = numberFormats.get(loc);
  if (!f) numberFormats.set(loc, (f = new Intl.NumberFormat(tags[loc], { maximumFractionDigits: 1 })));
  return f;
}

/**
 * Makes the language's formatters ahead of need, one per idle moment (while the first screen's requests are in
 * flight). The first `Intl.DateTimeFormat` of a page loads the locale's data: about 100 ms on a 4× slowed phone CPU,
 * which otherwise fell inside the task that draws the first dates (the roll-up's first draw, a Chromium trace showed;
 * docs/web.md, national scale). Returns how many formatters it will make.
 */
export function warmFormats(loc: Locale = locale.value, idle: (step: () => void) => void = whenIdle): number {
  const steps = [() => dateFormat(loc, "date"), () => dateFormat(loc, "dateTime"), () => dateFormat(loc, "time"), () => numberFormat(loc)];
  const count = steps.length;
  const next = () => {
    steps.shift()?.();
    if (steps.length) idle(next);
  };
  idle(next);
  return count;
}

const whenIdle = (step: () => void) =>
  "requestIdleCallback" in globalThis ? requestIdleCallback(step, { timeout: 1000 }) : setTimeout(step, 1);
