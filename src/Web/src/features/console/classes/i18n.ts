import { format, locale } from "../../../app/i18n";
import { clen } from "./messages.en";
import { clvi, type ClassesKey } from "./messages.vi";

export type { ClassesKey };

/** A text of the console's classes screens in the current language (their own catalogue, in their lazy chunks). */
export function clt(key: ClassesKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? clen : clvi)[key];
  return params ? format(text, params) : text;
}
