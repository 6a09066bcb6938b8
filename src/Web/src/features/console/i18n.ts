import { format, locale } from "../../app/i18n";
import { cen } from "./messages.en";
import { cvi, type ConsoleKey } from "./messages.vi";

export type { ConsoleKey };

/** A console text in the current language (the console's own catalogue, in its lazily loaded chunk). */
export function ct(key: ConsoleKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? cen : cvi)[key];
  return params ? format(text, params) : text;
}
