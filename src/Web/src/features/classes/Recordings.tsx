import { useEffect, useRef, useState } from "preact/hooks";
import { t, type MessageKey } from "../../app/i18n";
import { ErrorMessage, useAction } from "../../app/ui";
import { fileUrl, request } from "../../api/client";
import { RecordingResourceQuery } from "./documents";

export interface Recording {
  sessionId: string;
  number: number;
  kind: string;
  resourceId: string;
  url: string;
  seconds?: number | null;
}

/** "Bản ghi buổi học": each ended session's files, played on demand (nothing is fetched before the learner asks). */
export function Recordings({ recordings }: { recordings: Recording[] }) {
  if (recordings.length === 0) return null;
  return (
    <section aria-labelledby="recordings">
      <h2 id="recordings">{t("class.recordings")}</h2>
      <ul class="list">
        {recordings.map((r) => (
          <RecordingItem key={r.url} recording={r} />
        ))}
      </ul>
    </section>
  );
}

function RecordingItem({ recording: r }: { recording: Recording }) {
  const action = useAction();
  const [src, setSrc] = useState<string>();
  const [approved, setApproved] = useState(false);
  const player = useRef<HTMLMediaElement | null>(null);
  const attach = (e: HTMLMediaElement | null) => {
    player.current = e;
  };
  const label = t(("class.recording." + r.kind) as MessageKey);
  const name = t("class.recording", { number: r.number, kind: label });
  useEffect(() => {
    request(RecordingResourceQuery, { id: r.resourceId }).then((d) => setApproved(d.resource?.status === "APPROVED"), () => setApproved(false));
  }, [r.resourceId]);
  useEffect(() => () => src && URL.revokeObjectURL(src), [src]);
  useEffect(() => {
    if (src) void player.current?.play().catch(() => {});
  }, [src]);
  const play = () => action.run(async () => setSrc(await fileUrl(r.url)));
  return (
    <li data-recording={r.kind}>
      <p>
        {name}
        {r.seconds != null && <> · {t("class.recording.length", { minutes: Math.floor(r.seconds / 60), seconds: r.seconds % 60 })}</>}
        {approved && (
          <>
            {" · "}
            <a href={`/library/${r.resourceId}`}>{t("class.recording.library")}</a>
          </>
        )}
      </p>
      {r.kind === "VOICE" ? (
        <audio ref={attach} controls preload="none" src={src} aria-label={name} />
      ) : (
        <video ref={attach} controls preload="none" playsInline src={src} aria-label={name} class="recording" />
      )}
      {!src && (
        <button type="button" disabled={action.busy} onClick={play}>
          {action.busy ? t("app.loading") : t("class.recording.play", { kind: label })}
        </button>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
    </li>
  );
}
