import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../../../api/client";
import { AppError } from "../../../api/errors";
import { t } from "../../../app/i18n";
import { ErrorMessage } from "../../../app/ui";
import type { RoomState } from "../../../realtime/room";
import { EndSpeakingMutation, JoinClassMediaMutation } from "./documents";
import type { JanusMedia } from "./janusMedia";
import { layerFor, startsAudioOnly, type ConnectionInfo } from "./link";

type Phase = "joining" | "off" | "on" | "lost" | "error";

const retryDelays = [1000, 2000, 5000, 10000];

/**
 * The class's picture and sound (ADR 0141): asks `joinClassMedia` once in the room; MEDIA_OFF shows that the class
 * has none, otherwise janus.js is loaded (only then) and the room's publishers are received. Learners have the
 * audio-only button (on by default on a weak link); hosts their microphone and camera; a learner whose hand was
 * taken speaks until the host ends the turn, with their camera while the host allows it (ADR 0299).
 */
export function MediaPanel({ sessionId, state, host, onConnected, onPublished }: {
  sessionId: string;
  state: RoomState;
  host: boolean;
  onConnected?: (on: boolean) => void;
  onPublished?: (on: boolean) => void;
}) {
  const connection = (navigator as Navigator & { connection?: ConnectionInfo }).connection;
  const [audioOnly, setAudioOnly] = useState(() => !host && startsAudioOnly(connection));
  const [layer, setLayer] = useState<0 | 2>(() => layerFor(matchMedia("(pointer: coarse)").matches, innerWidth));
  const [phase, setPhase] = useState<Phase>("joining");
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [tracks, setTracks] = useState<MediaStreamTrack[]>([]);
  const [screen, setScreen] = useState<MediaStreamTrack[]>([]);
  const [speakerVideo, setSpeakerVideo] = useState<MediaStreamTrack[]>([]);
  const [picture, setPicture] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [shareError, setShareError] = useState<unknown>(undefined);
  const [weak, setWeak] = useState<"" | "lowered" | "audioOnly">("");
  const [mic, setMic] = useState(true);
  const [camera, setCamera] = useState(true);
  const [publishing, setPublishing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const media = useRef<JanusMedia | null>(null);
  const me = state.me.personId;
  // A new token when my hand is taken (the grant then lets me publish), and after a lost connection.
  const calledOnMe = state.calledOn?.personId === me ? state.calledOn.version : 0;
  // And when a host allows or withdraws my picture (ADR 0299): the new grant says whether I publish the camera.
  const pictureMe = !host && state.picture?.personId === me ? state.picture.version : 0;
  // Another speaker's picture, received only while a host allows it (ADR 0299).
  const speakerPicture = !!state.picture?.allowed && state.picture.personId !== me;
  const speakerPictureNow = useRef(speakerPicture);
  speakerPictureNow.current = speakerPicture;

  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const lost = () => {
      if (stopped) return;
      setPhase("lost");
      setTracks([]);
      setScreen([]);
      setSpeakerVideo([]);
      setSharing(false);
      setPublishing(false);
      retry = setTimeout(() => setAttempt((n) => n + 1), retryDelays[Math.min(attempt, retryDelays.length - 1)]);
    };
    void (async () => {
      try {
        const grant = (await request(JoinClassMediaMutation, { i: { sessionId } })).joinClassMedia;
        const { JanusMedia } = await import("./janusMedia");
        if (stopped) return;
        const m = new JanusMedia(grant, { audioOnly, layer }, {
          tracks: (t, s, v) => {
            if (stopped) return;
            setTracks(t);
            setScreen(s);
            setSpeakerVideo(v);
          },
          connected: (on) => onConnected?.(on),
          screenStopped: () => setSharing(false),
          weak: (toAudioOnly) => {
            setWeak(toAudioOnly ? "audioOnly" : "lowered");
            if (toAudioOnly) setAudioOnly(true);
            else setLayer(0);
          },
          lost,
          stoppedPublishing: () => setPublishing(false),
          published: (on) => onPublished?.(on),
        });
        media.current = m;
        m.speakerPictureAllowed(speakerPictureNow.current);
        await m.start(host);
        if (stopped) return m.close();
        setPublishing(m.publishing);
        setPicture(m.publishing && grant.picture === true);
        setCamera(true);
        setRecording(m.recording);
        setPhase("on");
      } catch (e) {
        if (stopped) return;
        if (e instanceof AppError && e.code === "MEDIA_OFF") return setPhase("off");
        media.current?.close();
        if (e instanceof AppError && e.code === "MEDIA_UNAVAILABLE") return lost();
        setError(e);
        setPhase("error");
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(retry);
      media.current?.close();
      media.current = null;
      onConnected?.(false);
    };
    // The choice (audio-only, layer) is applied to the running media below, not by joining again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, host, calledOnMe, pictureMe, attempt]);

  useEffect(() => {
    void media.current?.choose({ audioOnly, layer });
  }, [audioOnly, layer]);

  useEffect(() => {
    media.current?.speakerPictureAllowed(speakerPicture);
  }, [speakerPicture]);

  // The hub said the room's publishers changed (a camera, a voice or a screen started or stopped): subscribe again now.
  useEffect(() => {
    if (state.publishersChanged) media.current?.publishersChanged();
  }, [state.publishersChanged]);

  // The hub said the room's node died and the room was made again elsewhere (ADR 0302): unless this page already joined
  // the new room (janus.js noticed first), its Janus session is dropped and joinClassMedia asked again now. A move
  // heard before this panel joined is in its first grant already.
  const moveSeen = useRef(state.mediaMoved?.version);
  useEffect(() => {
    const moved = state.mediaMoved;
    if (!moved || moved.version === moveSeen.current) return;
    moveSeen.current = moved.version;
    if (media.current?.room !== moved.room) setAttempt((n) => n + 1);
  }, [state.mediaMoved]);

  /** Asked by the click itself (the browser wants the gesture for getDisplayMedia), then published as the room's screen (ADR 0228). */
  async function toggleScreen() {
    setShareError(undefined);
    const m = media.current;
    if (!m) return;
    if (m.sharing) return m.stopScreen();
    let track: MediaStreamTrack | undefined;
    try {
      track = (await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })).getVideoTracks()[0];
      if (!track) return;
      await m.shareScreen(track);
      setSharing(true);
    } catch (e) {
      track?.stop();
      // The person closed the browser's picker: nothing to say.
      if (e instanceof DOMException && e.name === "NotAllowedError") return;
      setShareError(e instanceof AppError ? e : new AppError("MEDIA_DEVICE"));
    }
  }

  if (phase === "off") return <p class="notice" data-media="off">{t("media.off")}</p>;
  const video = tracks.filter((x) => x.kind === "video");
  const audio = tracks.filter((x) => x.kind === "audio");
  const speaker = state.calledOn && state.calledOn.personId !== me ? state.participants.find((p) => p.personId === state.calledOn!.personId) : undefined;
  return (
    <section class="media" aria-label={t("media.title")} data-media={phase} data-publishers-changed={state.publishersChanged}
      data-media-moved={state.mediaMoved?.version}>
      {recording && <p class="banner" role="status" data-recording>{t("media.recording")}</p>}
      {phase === "joining" && <p class="muted">{t("media.joining")}</p>}
      {phase === "lost" && <p class="banner" role="status">{t("media.lost")}</p>}
      {phase === "error" && <ErrorMessage error={error} retry={() => { setError(undefined); setPhase("joining"); setAttempt((n) => n + 1); }} />}
      {phase === "on" && !host && !audioOnly && video.length === 0 && audio.length === 0 && <p class="muted">{t("media.waiting")}</p>}
      {screen.length > 0 && !audioOnly && <Video tracks={screen} screen />}
      {video.length > 0 && !audioOnly && <Video tracks={video} small={screen.length > 0} />}
      {speakerVideo.length > 0 && !audioOnly && <Video tracks={speakerVideo} small speaker />}
      {sharing && <p class="notice" role="status">{t("media.sharing")}</p>}
      {shareError !== undefined && <ErrorMessage error={shareError} />}
      {audio.map((a) => <Audio key={a.id} track={a} />)}
      {weak && <p class="notice" role="status">{weak === "audioOnly" ? t("media.autoAudioOnly") : t("media.lowered")}</p>}
      {publishing && !host && <p class="notice" role="status">{t("media.speaking")}</p>}
      {picture && !host && <p class="notice" role="status" data-media="picture-allowed">{t("media.pictureAllowed")}</p>}
      <div class="actions">
        {!host && (
          <button type="button" class="secondary" aria-pressed={audioOnly} data-media-action="audio-only" onClick={() => { setWeak(""); setAudioOnly(!audioOnly); }}>
            {t("media.audioOnly")}
          </button>
        )}
        {publishing && (
          <button type="button" class="secondary" aria-pressed={mic} data-media-action="mic" onClick={() => { media.current?.setMicrophone(!mic); setMic(!mic); }}>
            {mic ? "🎙" : "🔇"} {t("media.mic")}
          </button>
        )}
        {publishing && (host || picture) && (
          <button type="button" class="secondary" aria-pressed={camera} data-media-action="camera" onClick={() => { media.current?.setCamera(!camera); setCamera(!camera); }}>
            {camera ? "📷" : "🚫"} {t("media.camera")}
          </button>
        )}
        {publishing && host && !!navigator.mediaDevices?.getDisplayMedia && (
          <button type="button" class="secondary" aria-pressed={sharing} data-media-action="screen" onClick={() => void toggleScreen()}>
            🖥 {sharing ? t("media.stopScreen") : t("media.shareScreen")}
          </button>
        )}
        {host && speaker && (
          <EndTurn sessionId={sessionId} personId={speaker.personId} name={speaker.name} />
        )}
      </div>
    </section>
  );
}

function EndTurn({ sessionId, personId, name }: { sessionId: string; personId: string; name: string }) {
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  if (done) return null;
  return (
    <>
      {error !== undefined && <ErrorMessage error={error} />}
      <button type="button" class="secondary" data-media-action="end-turn"
        onClick={() => request(EndSpeakingMutation, { i: { sessionId, personId } }).then(() => setDone(true), setError)}>
        {t("media.endTurn", { name })}
      </button>
    </>
  );
}

/** The teacher's camera (small while a screen is shared), the shared screen (large), or a speaking learner's picture (small). */
function Video({ tracks, screen = false, small = false, speaker = false }: { tracks: MediaStreamTrack[]; screen?: boolean; small?: boolean; speaker?: boolean }) {
  const el = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (el.current) el.current.srcObject = new MediaStream(tracks);
  }, [tracks]);
  const label = screen ? "media.screen" : speaker ? "media.speaker" : "media.teacher";
  return <video ref={el} autoPlay playsInline muted class={small ? "small" : undefined} aria-label={t(label)} data-media={screen ? "screen" : speaker ? "speaker" : "video"} />;
}

/** One element per received voice; when the browser blocks sound until a touch, a button turns it on. */
function Audio({ track }: { track: MediaStreamTrack }) {
  const el = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    const a = el.current;
    if (!a) return;
    a.srcObject = new MediaStream([track]);
    a.play().catch(() => setBlocked(true));
  }, [track]);
  return (
    <>
      <audio ref={el} autoPlay data-media="audio" />
      {blocked && (
        <button type="button" onClick={() => void el.current?.play().then(() => setBlocked(false))}>
          🔈 {t("media.play")}
        </button>
      )}
    </>
  );
}
