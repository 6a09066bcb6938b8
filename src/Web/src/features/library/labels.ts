import { locale, t, type MessageKey } from "../../app/i18n";
import type { ResourceAudience, ResourceFormat, ResourceLicence } from "../../gql/graphql";

// The format facet's values are the ResourceFormat enum's GraphQL names (ADR 0070): shown in the reader's language.
const formats: Record<ResourceFormat, MessageKey> = {
  DOCUMENT: "library.format.DOCUMENT",
  AUDIO: "library.format.AUDIO",
  VIDEO: "library.format.VIDEO",
  LINK: "library.format.LINK",
  EPUB: "library.format.EPUB",
};

const audiences: Record<ResourceAudience, MessageKey> = {
  EVERYONE: "library.audience.EVERYONE",
  CHILDREN: "library.audience.CHILDREN",
  YOUTH: "library.audience.YOUTH",
  ADULTS: "library.audience.ADULTS",
  ELDERLY: "library.audience.ELDERLY",
  TEACHERS: "library.audience.TEACHERS",
  OFFICIALS: "library.audience.OFFICIALS",
};

export const AUDIENCES = Object.keys(audiences) as ResourceAudience[];

export function formatLabel(value: string): string {
  return value in formats ? t(formats[value as ResourceFormat]) : value;
}

export function audienceLabel(value: string): string {
  return value in audiences ? t(audiences[value as ResourceAudience]) : value;
}

export function domainLabel(value: string): string {
  return t(("topic." + value) as MessageKey);
}

/** A licence as libraries write it: "CC BY-SA", "CC0", or its name in words. */
export function licenceLabel(value: ResourceLicence | string): string {
  if (value === "CC_0") return "CC0";
  if (value === "PUBLIC_DOMAIN" || value === "OTHER") return t(`library.licence.${value}`);
  return value.startsWith("CC_") ? "CC " + value.slice(3).replace(/_/g, "-") : value;
}

/**
 * The languages an official chooses from (ADR 0315): Vietnamese and English, the ethnic minority languages taught or
 * printed in Viet Nam, then other foreign languages; each an ISO 639 code of 2–3 letters, the server's rule. The names
 * are here rather than in the message catalogue so that the first bundle does not carry them.
 */
export const LANGUAGE_GROUPS: readonly { name?: [vi: string, en: string]; languages: readonly (readonly [code: string, vi: string, en: string])[] }[] = [
  {
    languages: [
      ["vi", "Tiếng Việt", "Vietnamese"],
      ["en", "Tiếng Anh", "English"],
    ],
  },
  {
    name: ["Tiếng dân tộc thiểu số", "Ethnic minority languages"],
    languages: [
      ["bdq", "Tiếng Ba Na", "Bahnar"],
      ["cjm", "Tiếng Chăm", "Cham"],
      ["kpm", "Tiếng Cơ Ho", "Koho"],
      ["ium", "Tiếng Dao", "Iu Mien (Dao)"],
      ["rad", "Tiếng Ê Đê", "Rade (Ede)"],
      ["jra", "Tiếng Gia Rai", "Jarai"],
      ["hmn", "Tiếng H’Mông", "Hmong"],
      ["zh", "Tiếng Hoa", "Chinese"],
      ["km", "Tiếng Khmer", "Khmer"],
      ["cmo", "Tiếng M’Nông", "Mnong"],
      ["mtq", "Tiếng Mường", "Muong"],
      ["nut", "Tiếng Nùng", "Nung"],
      ["tyz", "Tiếng Tày", "Tày"],
      ["blt", "Tiếng Thái", "Tai Dam (Thái)"],
      ["sed", "Tiếng Xơ Đăng", "Sedang"],
    ],
  },
  {
    name: ["Tiếng nước ngoài khác", "Other foreign languages"],
    languages: [
      ["fr", "Tiếng Pháp", "French"],
      ["ja", "Tiếng Nhật", "Japanese"],
      ["ko", "Tiếng Hàn", "Korean"],
      ["lo", "Tiếng Lào", "Lao"],
      ["ru", "Tiếng Nga", "Russian"],
    ],
  },
];

const languages = new Map(LANGUAGE_GROUPS.flatMap((g) => g.languages.map(([code, vi, en]) => [code, [vi, en] as const])));

/** A pair of names in the reader's language. */
export function named(names: readonly [vi: string, en: string]): string {
  return names[locale.value === "en" ? 1 : 0];
}

/** A language by its name ("Tiếng Khmer"), never its code: the list above, else the browser's names, else the code. */
export function languageName(code: string): string {
  const known = languages.get(code);
  if (known) return named(known);
  try {
    const name = new Intl.DisplayNames([locale.value], { type: "language" }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(locale.value) + name.slice(1);
  } catch {
    /* not a language tag: shown as it is */
  }
  return code;
}
