// Choices for a learner's link, pure (unit-tested in tests/media.test.ts): audio-only at once on a weak link, the
// simulcast layer to ask for, and the measured fall-back to audio-only while receiving (docs/adr/0141).

/** What `navigator.connection` says (Network Information API; Chromium on Android has it, others may not). */
export interface ConnectionInfo { effectiveType?: string; saveData?: boolean; downlink?: number }

/** Starting audio-only: the reader asked to save data, or the link is 2G-like (< 150 kbps down). */
export function startsAudioOnly(c: ConnectionInfo | undefined): boolean {
  if (!c) return false;
  if (c.saveData) return true;
  if (c.effectiveType === "slow-2g" || c.effectiveType === "2g") return true;
  return typeof c.downlink === "number" && c.downlink > 0 && c.downlink < 0.15;
}

/** Simulcast layer (Janus `substream`): 0 the low layer, 2 the high. A phone (or a narrow screen) gets the low one. */
export function layerFor(mobile: boolean, width: number): 0 | 2 {
  return mobile || width < 720 ? 0 : 2;
}

/** One reading of the video being received (`getStats()` inbound-rtp), cumulative counters. */
export interface VideoSample { at: number; bytes: number; packetsReceived: number; packetsLost: number }

/** Below this the picture is frozen (the low layer of a still picture is still ~30 kbps). */
export const WEAK_KBPS = 15;
/** Lost packets over the window beyond which the picture is not worth what it costs the voice. */
export const WEAK_LOSS = 0.15;
/** How long the link must stay weak before switching (a moment's dip does not count). */
export const WEAK_WINDOW_MS = 8000;

/**
 * Watches the received video; `add` answers true once the whole last window was weak: under {@link WEAK_KBPS} kbps or
 * losing more than {@link WEAK_LOSS} of the packets. Before the first packet nothing is judged (no picture yet is
 * not a weak link: the teacher may not have started), nor a window in which not one packet came or was lost.
 */
export class WeakLink {
  private samples: VideoSample[] = [];

  add(s: VideoSample): boolean {
    if (s.packetsReceived === 0 && s.packetsLost === 0) {
      this.samples = [];
      return false;
    }
    const last = this.samples[this.samples.length - 1];
    // Counters that went back belong to a new connection: its window starts now.
    if (last && (s.bytes < last.bytes || s.packetsReceived < last.packetsReceived)) this.samples = [];
    this.samples.push(s);
    while (this.samples.length > 2 && s.at - this.samples[1]!.at >= WEAK_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const span = s.at - first.at;
    if (span < WEAK_WINDOW_MS) return false;
    const kbps = ((s.bytes - first.bytes) * 8) / span;
    const received = s.packetsReceived - first.packetsReceived;
    const lost = s.packetsLost - first.packetsLost;
    // Nothing at all for the whole window is no narrow link: the node froze or the teacher stopped (ADR 0314).
    if (received === 0 && lost === 0) return false;
    const loss = lost / (received + lost);
    return kbps < WEAK_KBPS || loss > WEAK_LOSS;
  }

  reset(): void {
    this.samples = [];
  }
}
