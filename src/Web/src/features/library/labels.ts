import { t, type MessageKey } from "../../app/i18n";
import type { ResourceFormat } from "../../gql/graphql";

// The format facet's values are the ResourceFormat enum's GraphQL names (ADR 0070): shown in the reader's language.
const formats: Record<ResourceFormat, MessageKey> = {
  DOCUMENT: "library.format.DOCUMENT",
  AUDIO: "library.format.AUDIO",
  VIDEO: "library.format.VIDEO",
  LINK: "library.format.LINK",
  EPUB: "library.format.EPUB",
};

export function formatLabel(value: string): string {
  return value in formats ? t(formats[value as ResourceFormat]) : value;
}
