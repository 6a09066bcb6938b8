import { useState } from "preact/hooks";
import { download } from "../../api/client";
import { t } from "../../app/i18n";
import type { LiveRoom } from "../../realtime/live";
import { learnersShown, openQuestionsByRelay, type RoomState } from "../../realtime/room";

/** The teacher's side: lobby, start of the talk, pages, hands, polls, mute, remove, lock, end, relays, attendance. */
export function HostPanel({ room, state, act }: { room: LiveRoom; state: RoomState; act: (f: () => Promise<unknown>) => Promise<boolean> }) {
  const [question, setQuestion] = useState("");
  const [options, setOptions] = useState("");
  const [ending, setEnding] = useState(false);
  const [find, setFind] = useState("");
  const sessionId = useSessionId();
  const escalated = openQuestionsByRelay(state);
  // The learner whose hand was taken last, and whether their picture is allowed now (ADR 0299).
  const speaker = state.calledOn ? state.participants.find((p) => p.personId === state.calledOn!.personId) : undefined;
  const picture = !!speaker && state.picture?.personId === speaker.personId && state.picture.allowed;
  if (state.status === "ENDED")
    return (
      <p>
        <button type="button" onClick={() => act(() => download(`/classes/sessions/${sessionId}/attendance.csv`, "diem-danh.csv"))}>
          {t("class.attendance")}
        </button>
      </p>
    );
  const nextHand = state.hands[0];
  return (
    <div class="host">
      {state.lobby.length > 0 && (
        <>
          <h2>{t("live.lobbyList")}</h2>
          <ul class="list">
            {state.lobby.map((p) => (
              <li key={p.personId}>
                {p.name}{" "}
                <button type="button" class="link" onClick={() => act(() => room.invoke("Admit", p.personId))}>
                  {t("live.admit")}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => act(() => room.invoke("AdmitAll"))}>{t("live.admitAll")}</button>
        </>
      )}
      <div class="actions">
        <button type="button" class="secondary" disabled={state.page <= 1} onClick={() => act(() => room.invoke("ShowPage", state.material, state.page - 1))}>
          {t("live.prevPage")}
        </button>
        <button type="button" class="secondary" onClick={() => act(() => room.invoke("ShowPage", state.material, state.page + 1))}>
          {t("live.nextPage")}
        </button>
      </div>
      <p>{t("live.hands", { count: state.hands.length })}</p>
      {nextHand && (
        <button type="button" onClick={() => act(() => room.invoke("CallOn", nextHand))}>
          {t("live.callNext")}: {state.participants.find((p) => p.personId === nextHand)?.name ?? ""}
        </button>
      )}
      {nextHand && (
        <button type="button" class="secondary" data-media-action="call-with-picture" onClick={() => act(() => room.invoke("CallOnWithPicture", nextHand, true))}>
          {t("live.callNextWithPicture")}
        </button>
      )}
      {speaker && (
        <button type="button" class="secondary" data-media-action="picture" aria-pressed={picture}
          onClick={() => act(() => room.invoke("AllowPicture", speaker.personId, !picture))}>
          {t(picture ? "media.withdrawPicture" : "media.allowPicture", { name: speaker.name })}
        </button>
      )}
      <details>
        <summary>{t("live.openPoll")}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const choices = options.split("\n").map((o) => o.trim()).filter(Boolean);
            void act(() => room.invoke("OpenPoll", question.trim(), choices, false)).then((ok) => ok && (setQuestion(""), setOptions("")));
          }}
        >
          <label for="poll-q">{t("live.pollQuestion")}</label>
          <input id="poll-q" value={question} onInput={(e) => setQuestion((e.target as HTMLInputElement).value)} />
          <label for="poll-o">{t("live.pollOptions")}</label>
          <textarea id="poll-o" rows={3} value={options} onInput={(e) => setOptions((e.target as HTMLTextAreaElement).value)} />
          <button type="submit">{t("live.openPoll")}</button>
        </form>
      </details>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => act(() => room.invoke(state.allMuted ? "Unmute" : "Mute", null))}>
          {state.allMuted ? t("live.unmuteAll") : t("live.muteAll")}
        </button>
        <button type="button" class="secondary" onClick={() => act(() => room.invoke("Lock", !state.locked))}>
          {state.locked ? t("live.unlock") : t("live.lock")}
        </button>
        {ending ? (
          <button type="button" onClick={() => act(() => room.invoke("End"))}>
            {t("live.endConfirm")}
          </button>
        ) : (
          <button type="button" onClick={() => setEnding(true)}>
            {t("live.end")}
          </button>
        )}
      </div>
      <Learners state={state} find={find} setFind={setFind} room={room} act={act} />
      {state.relays.length > 0 && (
        <>
          <h2>{t("live.relays")}</h2>
          <ul class="list">
            {state.relays.map((r) => (
              <li key={r.sessionId} data-relay={r.sessionId}>
                {r.name}: {r.headcount}
                {(escalated.get(r.sessionId) ?? 0) > 0 && <span class="tag">{t("live.relayQuestions", { count: escalated.get(r.sessionId) ?? 0 })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Each learner with mute and remove; past 50 learners, a name search finds the rest (muted learners listed first). */
function Learners({ state, find, setFind, room, act }: { state: RoomState; find: string; setFind: (s: string) => void; room: LiveRoom; act: (f: () => Promise<unknown>) => Promise<boolean> }) {
  const all = learnersShown(state.participants, "");
  if (all.shown.length === 0) return null;
  const { shown, more } = find ? learnersShown(state.participants, find) : all;
  return (
    <>
      {(all.more > 0 || find) && (
        <>
          <label for="find-learner">{t("live.findLearner")}</label>
          <input id="find-learner" type="search" value={find} onInput={(e) => setFind((e.target as HTMLInputElement).value)} />
        </>
      )}
      <ul class="list" data-learners>
        {shown.map((p) => (
          <li key={p.personId}>
            {p.name}{" "}
            <button type="button" class="link" onClick={() => act(() => room.invoke(p.muted ? "Unmute" : "Mute", p.personId))}>
              {p.muted ? "🔈" : t("live.mute")}
            </button>
            <button type="button" class="link" onClick={() => act(() => room.invoke("Remove", p.personId))}>
              {t("live.remove")}
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="muted">{t("live.moreLearners", { count: more })}</p>}
    </>
  );
}

function useSessionId(): string {
  return location.pathname.split("/").pop() ?? "";
}
