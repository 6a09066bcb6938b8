import { describeError, toAppError } from "../../../api/errors";
import { locale } from "../../../app/i18n";

/**
 * A refused channel action: the hub's own Vietnamese sentence (it says which rule: "Chỉ người viết được sửa tin
 * nhắn.") after the app's line for the code; in English the app's line only.
 */
export function Refusal({ error }: { error: unknown }) {
  const e = toAppError(error);
  const server = locale.value !== "en" && e.serverMessage && e.serverMessage.length < 300 && !/[{}<>]|Exception/.test(e.serverMessage) ? e.serverMessage : null;
  const general = describeError(error);
  return (
    <p class="error" role="alert" data-testid="refusal">
      {server && !general.includes(server) ? `${general} ${server}` : general}
    </p>
  );
}
