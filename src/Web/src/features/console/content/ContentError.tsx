import { AppError, describeError, toAppError } from "../../../api/errors";
import { locale } from "../../../app/i18n";

/**
 * A refused action as the official reads it: the app's sentence for the code, and the server's own Vietnamese
 * message when it says more (a Content code such as ALREADY_WITHDRAWN, or which rule was broken). The code is kept
 * in `data-code` for the tests.
 */
export function ContentError({ error }: { error: unknown }) {
  const e = toAppError(error);
  const text = describeError(error);
  const server = e.serverMessage?.trim();
  const plain = locale.value === "vi" && server && server.length < 300 && !/[{}<>]|Exception/.test(server) ? server : null;
  // A code of Content's own is not in the app's catalogue: its server sentence alone says what happened.
  const unknownCode = text === describeError(new AppError("UNKNOWN", undefined, e.correlationId));
  return (
    <div class="error" role="alert" data-code={e.code}>
      {!(unknownCode && plain) && <p>{text}</p>}
      {plain && !text.includes(plain) && <p>{plain}</p>}
    </div>
  );
}
