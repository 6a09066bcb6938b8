import { format, locale } from "../../../app/i18n";
import { chen } from "./messages.en";
import { chvi, type ChannelKey } from "./messages.vi";

export type { ChannelKey };

/** A channel screen's text in the current language. */
export function cht(key: ChannelKey, params?: Record<string, string | number>): string {
  const text = (locale.value === "en" ? chen : chvi)[key];
  return params ? format(text, params) : text;
}
