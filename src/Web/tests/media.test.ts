import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { layerFor, startsAudioOnly, WeakLink, WEAK_WINDOW_MS } from "../src/features/classroom/media/link";

describe("starting audio-only", () => {
  it("on a 2G-like link or when saving data, not on 3G/4G or when the browser does not say", () => {
    assert.equal(startsAudioOnly({ effectiveType: "2g" }), true);
    assert.equal(startsAudioOnly({ effectiveType: "slow-2g" }), true);
    assert.equal(startsAudioOnly({ effectiveType: "4g", saveData: true }), true);
    assert.equal(startsAudioOnly({ effectiveType: "4g", downlink: 0.1 }), true);
    assert.equal(startsAudioOnly({ effectiveType: "3g", downlink: 0.7 }), false);
    assert.equal(startsAudioOnly({ effectiveType: "4g", downlink: 0 }), false);
    assert.equal(startsAudioOnly(undefined), false);
  });
});

describe("simulcast layer", () => {
  it("a phone or a narrow window gets the low layer, a wide screen the high one", () => {
    assert.equal(layerFor(true, 1280), 0);
    assert.equal(layerFor(false, 360), 0);
    assert.equal(layerFor(false, 1280), 2);
  });
});

describe("weak link while receiving", () => {
  const run = (kbps: number, lossEvery: number, seconds: number) => {
    const w = new WeakLink();
    let bytes = 0, received = 0, lost = 0, weak = false;
    for (let t = 0; t <= seconds * 1000; t += 1000) {
      weak = w.add({ at: t, bytes, packetsReceived: received, packetsLost: lost });
      bytes += (kbps * 1000) / 8;
      received += 20;
      if (lossEvery > 0) lost += Math.floor(20 / lossEvery);
    }
    return weak;
  };

  it("a good link is never weak", () => assert.equal(run(120, 0, 30), false));
  it("under 15 kbps for the whole window is weak", () => assert.equal(run(10, 0, 30), true));
  it("heavy loss is weak", () => assert.equal(run(120, 2, 30), true));
  it("is not judged before a whole window", () => assert.equal(run(10, 0, WEAK_WINDOW_MS / 1000 - 2), false));
  it("no packet yet is not a weak link (the teacher may not have started)", () => {
    const w = new WeakLink();
    for (let t = 0; t < 30_000; t += 1000) assert.equal(w.add({ at: t, bytes: 0, packetsReceived: 0, packetsLost: 0 }), false);
  });
  it("a stream that stops dead (its Janus node froze: nothing arrives, nothing is counted lost) is not a weak link", () => {
    const w = new WeakLink();
    let weak = false;
    for (let t = 0; t <= 10_000; t += 1000) weak ||= w.add({ at: t, bytes: t * 30, packetsReceived: t / 50, packetsLost: 0 });
    for (let t = 11_000; t <= 40_000; t += 1000) weak ||= w.add({ at: t, bytes: 300_000, packetsReceived: 200, packetsLost: 0 });
    assert.equal(weak, false);
  });
  it("a short dip inside a good window is not weak", () => {
    const w = new WeakLink();
    let bytes = 0, received = 0, weak = false;
    for (let t = 0; t <= 30_000; t += 1000) {
      weak = w.add({ at: t, bytes, packetsReceived: received, packetsLost: 0 });
      bytes += t >= 20_000 && t < 22_000 ? 0 : 15_000;
      received += 20;
    }
    assert.equal(weak, false);
  });
  it("a new connection (counters from zero again, as after a share starts or stops) is not read as a falling rate", () => {
    const w = new WeakLink();
    let weak = false;
    for (let t = 0; t <= 20_000; t += 1000) weak ||= w.add({ at: t, bytes: t * 100, packetsReceived: t / 10, packetsLost: 0 });
    for (let t = 21_000, n = 1; t <= 60_000; t += 1000, n++) weak ||= w.add({ at: t, bytes: n * 15_000, packetsReceived: n * 20, packetsLost: 0 });
    assert.equal(weak, false);
  });
});
