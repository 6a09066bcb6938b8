import { useState } from "preact/hooks";
import { download } from "../../../api/client";
import type { ChannelMessage } from "../../../realtime/channel";
import { cht } from "./i18n";
import { Refusal } from "./Refusal";

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** A message's files: each saved with the session's token (the channel's members only may fetch them). */
export function AttachmentList({ m }: { m: ChannelMessage }) {
  const [error, setError] = useState<unknown>();
  if (!m.attachments?.length) return null;
  return (
    <>
      <ul class="list attachments" aria-label={cht("ch.attachments")} data-testid="attachments">
        {m.attachments.map((a) => (
          <li key={a.fileId}>
            <button
              type="button"
              class="link"
              onClick={() => download(`/coordination/messages/${m.id}/files/${a.fileId}?download`, a.name).catch(setError)}
            >
              {a.name}
            </button>{" "}
            <span class="muted">({size(a.length)})</span>
          </li>
        ))}
      </ul>
      {error !== undefined && <Refusal error={error} />}
    </>
  );
}
