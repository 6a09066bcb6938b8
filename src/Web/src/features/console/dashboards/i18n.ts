import { format, locale } from "../../../app/i18n";
import { den } from "./messages.en";
import { dvi, type DashKey } from "./messages.vi";

/** A text of the dashboards in the current language (their own catalogue, in their lazy chunk). */
export function dt(key: DashKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? den : dvi)[key];
  return params ? format(text, params) : text;
}
