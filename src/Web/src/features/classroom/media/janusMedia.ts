// The class's voice and picture through Janus's VideoRoom, with Debian's janus.js (loaded here, on demand, from the
// host: /classes/media/janus.js). Loaded only when the class has media (docs/adr/0141).
import { AppError } from "../../../api/errors";
import { WeakLink } from "./link";

/** What `joinClassMedia` gave: where, which room, its pin, my own token, and my feed when I may publish. */
export interface Grant { url: string; room: number; pin: string; token: string; publisher: boolean; feed?: number | null; screenFeed: number; recording?: boolean; publishersPollSeconds?: number; picture?: boolean }

type Body = Record<string, unknown>;
interface Jsep { type: string; sdp: string }
interface Message { videoroom?: string; error_code?: number; error?: string; participants?: { id: number; publisher: boolean; display?: string }[]; streams?: { mid: string; type: string; feed_id?: number; feed_display?: string }[]; leaving?: unknown; reason?: string }
interface Handle {
  send(o: { message: Body; jsep?: Jsep; success?: (r?: Message) => void; error?: (e: unknown) => void }): void;
  createOffer(o: Body): void;
  createAnswer(o: Body): void;
  handleRemoteJsep(o: { jsep: Jsep }): void;
  detach(o?: Body): void;
  muteAudio(): void;
  unmuteAudio(): void;
  muteVideo(): void;
  unmuteVideo(): void;
  webrtcStuff: { pc?: RTCPeerConnection };
}
interface Session { attach(o: Body): void; destroy(o?: Body): void }
interface JanusStatic {
  new (o: Body): Session;
  init(o: Body): void;
  useDefaultDependencies(o: Body): Body;
}

let loading: Promise<JanusStatic> | null = null;

/** Debian's janus.js, once per page. It wants webrtc-adapter only for the browser's name: given here instead. */
function loadJanus(): Promise<JanusStatic> {
  return (loading ??= new Promise<JanusStatic>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/classes/media/janus.js";
    script.async = true;
    script.onload = () => {
      const Janus = (window as unknown as { Janus: JanusStatic }).Janus;
      const chrome = /Chrom(e|ium)\/(\d+)/.exec(navigator.userAgent);
      const browserDetails = chrome ? { browser: "chrome", version: Number(chrome[2]) } : /Firefox\/(\d+)/.test(navigator.userAgent) ? { browser: "firefox", version: 0 } : { browser: "safari", version: 605 };
      Janus.init({ debug: false, dependencies: Janus.useDefaultDependencies({ adapter: { browserDetails } }), callback: () => resolve(Janus) });
    };
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new AppError("MEDIA_UNAVAILABLE"));
    };
    document.head.appendChild(script);
  }));
}

export interface MediaCallbacks {
  /** The tracks received now: cameras and voices (the teacher's, a speaking learner's audio), a host's shared screen, a speaking learner's picture (ADR 0299). */
  tracks(tracks: MediaStreamTrack[], screen: MediaStreamTrack[], speaker: MediaStreamTrack[]): void;
  /** Picture or sound flows on this page (a peer connection is up), or no longer does: told to the hub for attendance (ADR 0229). */
  connected(on: boolean): void;
  /** The shared screen stopped (the browser's own "stop sharing", or Janus dropped it). */
  screenStopped(): void;
  /** The link was weak for a while: the picture was dropped (audio-only), or its layer lowered. */
  weak(audioOnly: boolean): void;
  /** Janus is gone (node down, session lost, token revoked): the panel asks for a new token and joins again. */
  lost(): void;
  /** A host ended my turn to speak (Janus kicked my publishing). */
  stoppedPublishing(): void;
  /** This page started or stopped publishing (camera and voice, or a screen): told to the room through the hub (ADR 0268). */
  published(on: boolean): void;
}

export interface MediaChoice { audioOnly: boolean; layer: 0 | 2 }

/**
 * How often the room's publishers are read without being told: the hub says when they change
 * (`mediaPublishersChanged`, {@link JanusMedia.publishersChanged}); this slow read only makes good a missed message.
 */
const PUBLISHERS_EVERY_S = 30;
/** How soon a failed read or subscription of the room's publishers is tried again. */
const RETRY_MS = 2000;
/** JANUS_VIDEOROOM_ERROR_UNAUTHORIZED: a wrong pin (or, for a publisher, a token not on the room's `allowed` list). */
const unauthorized = 433;

/**
 * One person's media in one room: publishes (camera and microphone for a host, microphone for a learner whose hand
 * was taken) when the grant allows it, and subscribes to every other publisher of the room, audio-only or on the
 * chosen simulcast layer.
 */
/** The name a speaking learner's page publishes under, so every page shows their picture apart from the teacher's (ADR 0299). */
const SPEAKER = "speaker";

export class JanusMedia {
  private session: Session | null = null;
  private control: Handle | null = null;
  private pub: Handle | null = null;
  private screen: Handle | null = null;
  private screenTrack: MediaStreamTrack | null = null;
  private up = new Set<Handle>();
  /** My publishing handles not yet up: the room is told when each is (Janus lists a feed only once its media flows). */
  private announce = new Set<Handle>();
  private wasConnected = false;
  private screenMids = new Set<string>();
  /** The mids of a speaking learner's feeds (published as {@link SPEAKER}): their picture is shown apart from the teacher's. */
  private speakerMids = new Set<string>();
  /** A host allows the speaking learner's picture now (ADR 0299): until then only their voice is subscribed to. */
  private speakerPicture = false;
  private host = false;
  private sub: Handle | null = null;
  private subFeeds = "";
  private subChoice = "";
  private received = new Map<string, MediaStreamTrack>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private readonly weakLink = new WeakLink();
  private closed = false;
  private refreshing = false;
  private again = false;

  constructor(private readonly grant: Grant, private choice: MediaChoice, private readonly on: MediaCallbacks) {}

  /** The class is recorded (ADR 0235): everyone in it is told. */
  get recording(): boolean {
    return this.grant.recording === true;
  }

  /** The Janus room this media is in (the hub's `mediaRoomMoved` names the room a dead node's class moved to). */
  get room(): number {
    return this.grant.room;
  }

  get publishing(): boolean {
    return this.pub !== null;
  }

  async start(host: boolean): Promise<void> {
    this.host = host;
    const withVideo = host || this.grant.picture === true;
    const Janus = await loadJanus();
    this.session = await new Promise<Session>((resolve, reject) => {
      const s: Session = new Janus({
        server: this.grant.url,
        token: this.grant.token,
        // No STUN or TURN server: Janus is reached directly (janus.js would otherwise ask Google's STUN server).
        iceServers: [],
        success: () => resolve(s),
        error: () => (this.session ? this.lose() : reject(new AppError("MEDIA_UNAVAILABLE"))),
        destroyed: () => this.lose(),
      });
    });
    // Closed while the session was being made (the panel joined again: a move, a new grant): nothing of it may stay
    // (a publisher left behind this way was relayed as a second camera of the teacher, 2026-12-07).
    if (this.closed) return this.destroySession();
    this.control = await this.attach({});
    if (this.grant.publisher && this.grant.feed) await this.publish(withVideo);
    await this.refresh();
    if (this.closed) return;
    this.timer = setInterval(() => void this.refresh(), (this.grant.publishersPollSeconds ?? PUBLISHERS_EVERY_S) * 1000);
    this.statsTimer = setInterval(() => void this.watchLink(), 1000);
  }

  /** The hub said the room's publishers changed: read them now (a refresh already running reads them again after). */
  publishersChanged(): void {
    if (this.refreshing) this.again = true;
    else void this.refresh();
  }

  /**
   * A host allowed or withdrew the speaking learner's picture (the hub's `pictureAllowed`): the room is read again and
   * their feed subscribed to with or without its video. Janus holds a withheld picture back as well (`moderate`), but
   * only once it has seen the feed; a page that does not ask for it receives not one frame of it.
   */
  speakerPictureAllowed(on: boolean): void {
    if (on === this.speakerPicture) return;
    this.speakerPicture = on;
    this.publishersChanged();
  }

  /** Audio-only or the picture back, or another layer: the subscription is made again with the new choice. */
  async choose(choice: MediaChoice): Promise<void> {
    this.choice = choice;
    this.weakLink.reset();
    await this.refresh();
  }

  setMicrophone(on: boolean): void {
    if (on) this.pub?.unmuteAudio();
    else this.pub?.muteAudio();
  }

  setCamera(on: boolean): void {
    if (on) this.pub?.unmuteVideo();
    else this.pub?.muteVideo();
  }

  get sharing(): boolean {
    return this.screen !== null;
  }

  /**
   * A host shares a screen (a track from getDisplayMedia, asked for by the click itself) as a second publisher of the
   * room, under the room's screen feed (ADR 0228). Janus refuses a learner's token (433) and a second share (436).
   */
  async shareScreen(track: MediaStreamTrack): Promise<void> {
    if (this.screen || this.closed) return;
    let handle: Handle;
    try {
      handle = await this.publishAs(this.grant.screenFeed, [{ type: "screen", capture: track, recv: false }], "SCREEN_SHARED", () => this.stopScreen());
    } catch (e) {
      track.stop();
      throw e;
    }
    this.screen = handle;
    this.screenTrack = track;
    this.announceWhenUp(handle);
    // The browser's own "stop sharing" ends the track: the share stops for everyone.
    track.addEventListener("ended", () => this.stopScreen());
  }

  /** The share stops: its publisher leaves the room (every learner's subscription drops it) and the capture ends. */
  stopScreen(): void {
    const handle = this.screen;
    if (!handle) return;
    this.screen = null;
    this.up.delete(handle);
    this.announce.delete(handle);
    handle.detach();
    this.screenTrack?.stop();
    this.screenTrack = null;
    this.on.screenStopped();
    this.on.published(false);
    void this.refresh();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.statsTimer);
    this.screenTrack?.stop();
    this.up.clear();
    this.report();
    this.destroySession();
  }

  /**
   * Ends the Janus session; cleanupHandles: janus.js closes this page's peer connections and stops the camera and
   * microphone it captured (without it they outlive the session: a speaker whose picture was withdrawn went on
   * sending it, 2026-12-07).
   */
  private destroySession(): void {
    this.session?.destroy({ notifyDestroyed: false, cleanupHandles: true });
  }

  /** Connected while any of this page's peer connections is up. */
  private report(): void {
    const on = this.up.size > 0 && !this.closed;
    if (on === this.wasConnected) return;
    this.wasConnected = on;
    this.on.connected(on);
  }

  private lose(): void {
    if (this.closed) return;
    this.close();
    this.on.lost();
  }

  private attach(handlers: { onmessage?: (m: Message, jsep?: Jsep) => void; onremotetrack?: (t: MediaStreamTrack, mid: string, on: boolean) => void }): Promise<Handle> {
    return new Promise((resolve, reject) => {
      let handle: Handle | null = null;
      this.session!.attach({
        plugin: "janus.plugin.videoroom",
        success: (h: Handle) => resolve((handle = h)),
        // janus.js: the handle's PeerConnection is up (ICE and DTLS done) or down.
        webrtcState: (on: boolean) => {
          if (!handle) return;
          if (on) this.up.add(handle);
          else this.up.delete(handle);
          this.report();
          if (on && this.announce.delete(handle)) this.on.published(true);
        },
        error: () => reject(new AppError("MEDIA_UNAVAILABLE")),
        onmessage: (m: Message, jsep?: Jsep) => handlers.onmessage?.(m, jsep),
        onremotetrack: (t: MediaStreamTrack, mid: string, on: boolean) => handlers.onremotetrack?.(t, mid, on),
      });
    });
  }

  /** A request Janus answers at once (listparticipants, configure's ack). */
  private request(handle: Handle, message: Body, jsep?: Jsep): Promise<Message | undefined> {
    return new Promise((resolve, reject) => handle.send({ message, jsep, success: resolve, error: () => reject(new AppError("MEDIA_UNAVAILABLE")) }));
  }

  private async publish(withVideo: boolean): Promise<void> {
    // Audio first (mid 0 on every publisher: an audio-only subscriber asks for mid 0), then the camera in simulcast
    // (three layers; a phone receives the low one). Kicked (a host ended my turn, or removed me): stop sending.
    const tracks = [{ type: "audio", capture: true, recv: false }, ...(withVideo ? [{ type: "video", capture: true, recv: false, simulcast: true }] : [])];
    this.pub = await this.publishAs(this.grant.feed!, tracks, "MEDIA_UNAVAILABLE", () => this.stopPublishing());
    this.announceWhenUp(this.pub);
  }

  /**
   * The room hears that I publish once my feed's media flows, not at Janus's answer: until its PeerConnection is up,
   * Janus does not list the feed as a publisher, and a page told earlier would read the room without it and then wait
   * for its slow read (the learner of a class moved to another node after its node died did, 2026-12-07).
   */
  private announceWhenUp(handle: Handle): void {
    if (this.up.has(handle)) this.on.published(true);
    else this.announce.add(handle);
  }

  /**
   * Joins the room as the publisher `feed` and publishes these tracks (join, offer, publish, Janus's answer).
   * `taken` is the error when Janus says the feed is already in the room (436); `kicked` runs when Janus drops it.
   */
  private async publishAs(feed: number, tracks: Body[], taken: "SCREEN_SHARED" | "MEDIA_UNAVAILABLE", kicked: () => void): Promise<Handle> {
    let joined: (m: Message) => void = () => {};
    let answered: (j: Jsep | null) => void = () => {};
    const handle = await this.attach({
      onmessage: (m, jsep) => {
        if (jsep) answered(jsep);
        if (m.error_code) answered(null);
        if (m.videoroom === "joined" || m.error_code) joined(m);
        if (m.leaving === "ok" || (m.videoroom === "event" && m.reason === "kicked")) kicked();
      },
    });
    try {
      const joinedMessage = await new Promise<Message>((resolve) => {
        joined = resolve;
        const display = this.host ? undefined : SPEAKER;
        handle.send({ message: { request: "join", ptype: "publisher", room: this.grant.room, pin: this.grant.pin, id: feed, token: this.grant.token, display } });
      });
      if (joinedMessage.error_code) throw new AppError(joinedMessage.error_code === 436 ? taken : "MEDIA_UNAVAILABLE");
      const offer = await new Promise<Jsep>((resolve, reject) =>
        handle.createOffer({ tracks, success: resolve, error: () => reject(new AppError("MEDIA_DEVICE")) }),
      );
      const answer = new Promise<Jsep | null>((resolve) => (answered = resolve));
      await this.request(handle, { request: "publish" }, offer);
      const jsep = await answer;
      if (!jsep) throw new AppError("MEDIA_UNAVAILABLE");
      handle.handleRemoteJsep({ jsep });
      return handle;
    } catch (e) {
      handle.detach();
      throw e;
    }
  }

  private stopPublishing(): void {
    const pub = this.pub;
    if (!pub) return;
    this.pub = null;
    this.up.delete(pub);
    this.announce.delete(pub);
    pub.detach();
    this.report();
    this.on.stoppedPublishing();
  }

  /** Reads the room's publishers; when they (or the choice) changed, subscribes again. */
  private async refresh(): Promise<void> {
    if (this.refreshing || this.closed || !this.control) return;
    this.refreshing = true;
    try {
      const list = await this.request(this.control, { request: "listparticipants", room: this.grant.room });
      // Not my own feeds; a shared screen has no sound, so audio-only does not subscribe to it at all (no video packet).
      const screenSkipped = this.screen !== null || this.choice.audioOnly;
      // A speaking learner's feed (published as SPEAKER) with its picture only while a host allows it.
      const feeds = (list?.participants ?? [])
        .filter((p) => p.publisher && p.id !== this.grant.feed && !(screenSkipped && p.id === this.grant.screenFeed))
        .map((p) => ({ feed: p.id, voiceOnly: this.choice.audioOnly || (p.display === SPEAKER && !this.speakerPicture) }))
        .sort((a, b) => a.feed - b.feed);
      const listed = feeds.map((f) => `${f.feed}${f.voiceOnly ? "a" : ""}`).join();
      const choice = `${this.choice.audioOnly}:${this.choice.layer}`;
      if (listed === this.subFeeds && choice === this.subChoice) return;
      this.subFeeds = this.subChoice = "";
      if (!(await this.subscribe(feeds))) throw new AppError("MEDIA_UNAVAILABLE");
      this.subFeeds = listed;
      this.subChoice = choice;
    } catch {
      // Read again soon, not at the slow read: a feed that left between the list and the join, a request Janus did not
      // answer. A lost session is reported by janus.js itself (and closes this).
      if (!this.closed) setTimeout(() => this.publishersChanged(), RETRY_MS);
    } finally {
      this.refreshing = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  /** Subscribes to these feeds, voice-only ones to their audio alone (none: drops the subscription); false when Janus refused the join. */
  private async subscribe(feeds: { feed: number; voiceOnly: boolean }[]): Promise<boolean> {
    if (this.sub) {
      this.up.delete(this.sub);
      this.sub.detach();
      this.report();
    }
    this.sub = null;
    // A new connection counts from zero: samples of the old one would read as a falling rate, a weak link.
    this.weakLink.reset();
    this.received.clear();
    this.screenMids.clear();
    this.speakerMids.clear();
    this.on.tracks([], [], []);
    if (!feeds.length) return true;
    const { layer } = this.choice;
    let offered: (o: { jsep: Jsep | null; streams: Message["streams"]; error?: number }) => void = () => {};
    const handle = await this.attach({
      onmessage: (m, jsep) => {
        if (jsep || m.error_code) offered({ jsep: jsep ?? null, streams: m.streams, error: m.error_code });
      },
      onremotetrack: (track, mid, on) => {
        if (on) this.received.set(mid, track);
        else this.received.delete(mid);
        const all = [...this.received.entries()];
        const speaker = ([m, t]: [string, MediaStreamTrack]) => this.speakerMids.has(m) && t.kind === "video";
        this.on.tracks(
          all.filter((e) => !this.screenMids.has(e[0]) && !speaker(e)).map(([, t]) => t),
          all.filter(([m]) => this.screenMids.has(m)).map(([, t]) => t),
          all.filter(speaker).map(([, t]) => t),
        );
      },
    });
    const offer = await new Promise<{ jsep: Jsep | null; streams: Message["streams"]; error?: number }>((resolve) => {
      offered = resolve;
      // Audio-only: only mid 0 (every publisher's audio), so not one video packet is sent (under 50 kbps down).
      const streams = feeds.map(({ feed, voiceOnly }) => (voiceOnly ? { feed, mid: "0" } : { feed }));
      handle.send({ message: { request: "join", ptype: "subscriber", room: this.grant.room, pin: this.grant.pin, streams } });
    });
    if (!offer.jsep) {
      handle.detach();
      // 433: the room's pin changed (someone lost access, ADR 0286): a new grant carries the current one.
      if (offer.error === unauthorized) this.lose();
      return false;
    }
    for (const s of offer.streams ?? []) {
      if (s.feed_id === this.grant.screenFeed) this.screenMids.add(s.mid);
      if (s.feed_display === SPEAKER) this.speakerMids.add(s.mid);
    }
    const answer = await new Promise<Jsep>((resolve, reject) =>
      handle.createAnswer({ jsep: offer.jsep, tracks: [{ type: "data" }], success: resolve, error: () => reject(new AppError("MEDIA_UNAVAILABLE")) }),
    );
    await this.request(handle, { request: "start", room: this.grant.room }, answer);
    this.sub = handle;
    const video = (offer.streams ?? []).filter((s) => s.type === "video").map((s) => ({ mid: s.mid, substream: layer }));
    if (video.length) await this.request(handle, { request: "configure", streams: video });
    return true;
  }

  /** The received video's bytes and losses, each second: a weak link lowers the layer, then drops the picture. */
  private async watchLink(): Promise<void> {
    const pc = this.sub?.webrtcStuff.pc;
    if (!pc || this.choice.audioOnly) return;
    const stats = await pc.getStats();
    // The subscription was made again while reading: these counters belong to a connection no longer watched.
    if (this.sub?.webrtcStuff.pc !== pc || this.choice.audioOnly) return;
    let bytes = 0, packetsReceived = 0, packetsLost = 0;
    stats.forEach((s: { type: string; kind?: string; bytesReceived?: number; packetsReceived?: number; packetsLost?: number }) => {
      if (s.type !== "inbound-rtp" || s.kind !== "video") return;
      bytes += s.bytesReceived ?? 0;
      packetsReceived += s.packetsReceived ?? 0;
      packetsLost += s.packetsLost ?? 0;
    });
    if (!this.weakLink.add({ at: performance.now(), bytes, packetsReceived, packetsLost })) return;
    const audioOnly = this.choice.layer === 0;
    this.on.weak(audioOnly);
    await this.choose(audioOnly ? { audioOnly: true, layer: 0 } : { audioOnly: false, layer: 0 });
  }
}
