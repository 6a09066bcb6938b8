import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { formatTime, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { session } from "../../app/session";
import { useStore } from "../../app/store";
import { ErrorMessage, useAction, useTitle } from "../../app/ui";
import { LiveRoom } from "../../realtime/live";
import { newClientId } from "../../realtime/outbox";
import { isHost, type ChatLine, type Poll, type RoomState } from "../../realtime/room";
import { HostPanel } from "./HostPanel";
import { MaterialLine } from "./Material";
import { MediaPanel } from "./media/MediaPanel";

/** Lines drawn at once: the newest ones (the list is windowed; a busy room keeps MAX_CHAT in memory). */
const SHOWN_LINES = 60;
const reactions = ["👍", "👏", "❤️", "😂", "😮", "🙋", "🎉"];

/** The live class, for learners and teachers alike (the teacher's controls in HostPanel). */
export default function ClassroomPage({ params, query }: RouteProps) {
  useTitle(t("live.title"));
  const who = useStore(session)!;
  const room = useMemo(() => new LiveRoom(params.sessionId!, () => session.value?.token ?? ""), [params.sessionId]);
  useEffect(() => {
    void room.start();
    return () => room.dispose();
  }, [room]);
  const state = useStore(room.state);
  const status = useStore(room.status);
  const error = useStore(room.error);
  const classId = query.get("class");

  return (
    <section class="live">
      <h1>{t("live.title")}</h1>
      {classId && (
        <p>
          <a href={`/classes/${classId}`}>← {t("nav.classes")}</a>
        </p>
      )}
      <p role="status" aria-live="polite" class={status === "reconnecting" ? "banner" : "muted"} data-status={status}>
        {status === "connecting" ? t("live.connecting") : status === "reconnecting" ? t("live.reconnecting") : state ? t("live.present", { count: state.headcount }) : ""}
      </p>
      {error !== undefined && <ErrorMessage error={error} retry={status === "closed" ? () => { room.error.set(undefined); room.status.set("connecting"); void room.start(); } : undefined} />}
      {state && status === "lobby" && <p class="notice">{t("live.lobby")}</p>}
      {state && status !== "lobby" && <Room room={room} state={state} me={who.personId} classId={classId} />}
    </section>
  );
}

function Room({ room, state, me, classId }: { room: LiveRoom; state: RoomState; me: string; classId: string | null }) {
  const host = isHost(state);
  const act = useAction();
  if (state.me.removed) return <p class="error" role="alert">{t("live.removed")}</p>;
  if (state.status === "ENDED")
    return (
      <>
        <p class="notice" role="status">{t("live.ended")}</p>
        {host && <HostPanel room={room} state={state} act={act.run} />}
      </>
    );
  const raised = state.hands.includes(me);
  return (
    <>
      {state.locked && <p class="notice">{t("live.locked")}</p>}
      <MaterialLine classId={classId} material={state.material} page={state.page} />
      <MediaPanel sessionId={room.sessionId} state={state} host={host} onConnected={(on) => room.reportMedia(on)}
        onPublished={(on) => void room.invoke("MediaPublishing", on).catch(() => {})} />
      {act.error !== undefined && <ErrorMessage error={act.error} />}
      {host && <HostPanel room={room} state={state} act={act.run} />}
      <Chat room={room} state={state} />
      {!host && (
        <div class="actions">
          <button type="button" class="secondary" aria-pressed={raised} onClick={() => act.run(() => (raised ? room.invoke("LowerHand", null) : room.invoke("RaiseHand")))}>
            {raised ? t("live.lowerHand") : t("live.hand")}
          </button>
        </div>
      )}
      {state.reactions.length > 0 && (
        <p class="reactions" aria-label={t("live.reactions")}>
          {state.reactions.slice(-8).map((r) => (
            <span key={r.version} title={state.participants.find((p) => p.personId === r.personId)?.name}>
              {r.reaction}
            </span>
          ))}
        </p>
      )}
      <div class="actions" role="group" aria-label={t("live.reactions")}>
        {reactions.map((r) => (
          <button type="button" class="secondary" key={r} onClick={() => act.run(() => room.invoke("React", r))}>
            {r}
          </button>
        ))}
      </div>
      <Polls room={room} polls={state.polls} host={host} act={act.run} />
      <Questions room={room} state={state} host={host} act={act.run} />
      <h2>{t("live.people")}</h2>
      <ul class="list">
        {state.participants.slice(0, 100).map((p) => (
          <li key={p.personId}>
            {p.name}
            {p.role !== "LEARNER" && " ★"}
            {state.hands.includes(p.personId) && " ✋"}
            {p.muted && " 🔇"}
          </li>
        ))}
      </ul>
    </>
  );
}

function Chat({ room, state }: { room: LiveRoom; state: RoomState }) {
  const outbox = useStore(room.outbox);
  const [text, setText] = useState("");
  const [toTeacher, setToTeacher] = useState(false);
  const send = useAction();
  const host = isHost(state);
  const list = useRef<HTMLDivElement>(null);
  const shown: ChatLine[] = state.chat.slice(-SHOWN_LINES);
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.chat.length, outbox.length]);
  function submit(e: Event) {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    // A private line to the teachers goes at once (no outbox): it is a question to them, not part of the room's flow.
    if (toTeacher) void send.run(() => room.invoke("SendPrivate", value, null)).then((ok) => ok && setText(""));
    else {
      room.sendChat(value);
      setText("");
    }
  }
  return (
    <>
      <h2>{t("live.chat")}</h2>
      <div class="live-chat" ref={list} role="log" aria-label={t("live.chat")} tabIndex={0}>
        {shown.map((l) => (
          <p key={l.id} data-chat={l.text}>
            <span class="muted">{formatTime(l.at)}</span> <b>{l.name}</b>
            {l.private && <span class="tag">{t("live.private")}</span>}: {l.text}
          </p>
        ))}
        {outbox.map((i) => (
          <p key={i.clientId} class={i.status === "failed" ? "failed" : "pending"}>
            {i.text} — {i.status === "failed" ? t("live.notSent") : t("live.pending")}
            {i.status === "failed" && (
              <button type="button" class="link" onClick={() => room.retry(i.clientId)}>
                {t("error.retry")}
              </button>
            )}
          </p>
        ))}
      </div>
      {state.me.muted ? (
        <p class="notice">{t("live.muted")}</p>
      ) : (
        <form onSubmit={submit}>
          {send.error !== undefined && <ErrorMessage error={send.error} />}
          <div class="row">
            <label for="chat" class="sr">
              {t("live.chatLabel")}
            </label>
            <input id="chat" value={text} maxLength={2000} autoComplete="off" onInput={(e) => setText((e.target as HTMLInputElement).value)} placeholder={t("live.chatLabel")} />
            <button type="submit">{t("live.send")}</button>
          </div>
          {!host && (
            <label class="check">
              <input type="checkbox" checked={toTeacher} onChange={() => setToTeacher(!toTeacher)} />
              {t("live.private")}
            </label>
          )}
        </form>
      )}
    </>
  );
}

function Polls({ room, polls, host, act }: { room: LiveRoom; polls: Poll[]; host: boolean; act: (f: () => Promise<unknown>) => Promise<boolean> }) {
  const [chosen, setChosen] = useState<Record<string, number[]>>({});
  if (!polls.length) return null;
  return (
    <>
      <h2>{t("live.polls")}</h2>
      {polls.map((p) => {
        const total = p.counts.reduce((a, b) => a + b, 0) || 1;
        const voted = p.myChoices.length > 0 || chosen[p.pollId + ":sent"] !== undefined;
        const mine = chosen[p.pollId] ?? [];
        return (
          <fieldset key={p.pollId} data-poll={p.question}>
            <legend>{p.question}</legend>
            {p.options.map((o, i) => (
              <div key={i}>
                {!host && p.open && !voted ? (
                  <label class="check">
                    <input
                      type={p.multiple ? "checkbox" : "radio"}
                      name={"poll-" + p.pollId}
                      checked={mine.includes(i)}
                      onChange={() => setChosen({ ...chosen, [p.pollId]: p.multiple ? (mine.includes(i) ? mine.filter((x) => x !== i) : [...mine, i]) : [i] })}
                    />
                    {o}
                  </label>
                ) : (
                  <p>
                    {o}: <b data-count={i}>{p.counts[i] ?? 0}</b>
                  </p>
                )}
                {(host || voted || !p.open) && <div class="bar" style={`width:${((p.counts[i] ?? 0) / total) * 100}%`} />}
              </div>
            ))}
            {!host && p.open && !voted && (
              <button type="button" disabled={!mine.length} onClick={() => act(() => room.invoke("Vote", p.pollId, mine)).then((ok) => ok && setChosen({ ...chosen, [p.pollId + ":sent"]: mine }))}>
                {t("live.vote")}
              </button>
            )}
            {host && p.open && (
              <button type="button" class="secondary" onClick={() => act(() => room.invoke("ClosePoll", p.pollId))}>
                {t("live.closePoll")}
              </button>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

function Questions({ room, state, host, act }: { room: LiveRoom; state: RoomState; host: boolean; act: (f: () => Promise<unknown>) => Promise<boolean> }) {
  const [text, setText] = useState("");
  const askId = useRef<string | null>(null);
  // Upvotes are pushed without their voters: my own are remembered here (the snapshot's upvotedByMe after a reload).
  const [mine, setMine] = useState<string[]>([]);
  return (
    <>
      <h2>{t("live.questions")}</h2>
      <ul class="list">
        {state.questions.map((q) => (
          <li key={q.questionId} data-question={q.text}>
            <b>{q.name}</b>: {q.text}{" "}
            {q.relayName && <span class="tag">{t("live.fromRelay", { name: q.relayName })}</span>}{" "}
            {host ? (
              <>
                <span class="tag">{q.votes}</span>
                <button type="button" class="link" onClick={() => act(() => room.invoke("AnswerQuestion", q.questionId))}>{t("live.answer")}</button>
                <button type="button" class="link" onClick={() => act(() => room.invoke("DismissQuestion", q.questionId))}>{t("live.dismiss")}</button>
                {state.relayOfSessionId && (
                  <button type="button" class="link" onClick={() => act(() => room.invoke("ForwardQuestion", q.questionId))}>{t("live.sendUp")}</button>
                )}
              </>
            ) : (
              <button type="button" class="link" disabled={q.upvotedByMe || mine.includes(q.questionId) || q.personId === state.me.personId}
                onClick={() => act(() => room.invoke("UpvoteQuestion", q.questionId)).then((ok) => ok && setMine([...mine, q.questionId]))}
              >
                {t("live.upvote", { votes: q.votes })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!host && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) return;
            // The question keeps its id until the hub has answered: asked again after a lost answer, it is asked once.
            const id = (askId.current ??= newClientId());
            void act(() => room.invoke("AskQuestionWithId", id, value)).then((ok) => {
              if (!ok) return;
              askId.current = null;
              setText("");
            });
          }}
        >
          <label for="question" class="sr">{t("live.ask")}</label>
          <input id="question" value={text} maxLength={500} onInput={(e) => { askId.current = null; setText((e.target as HTMLInputElement).value); }} placeholder={t("live.ask")} />
          <button type="submit">{t("live.ask")}</button>
        </form>
      )}
    </>
  );
}
