import { format, locale } from "../../../app/i18n";
import { cnen } from "./messages.en";
import { cnvi, type ContentKey } from "./messages.vi";

export type { ContentKey };

/** A Content screen's text in the current language. */
export function cnt(key: ContentKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? cnen : cnvi)[key];
  return params ? format(text, params) : text;
}
