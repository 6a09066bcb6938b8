import { format, locale } from "../../../app/i18n";
import { ren } from "./messages.en";
import { rvi, type RecordsKey } from "./messages.vi";

export type { RecordsKey };

/** A text of the console's Records screens in the current language (their own catalogue, in their lazy chunks). */
export function rt(key: RecordsKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? ren : rvi)[key];
  return params ? format(text, params) : text;
}
