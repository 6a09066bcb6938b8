// The teacher (a generated picture and tone, encoded by libwebrtc) and the learners (count what arrives).
import wrtc from '@roamhq/wrtc';
import { JanusSession } from './janus.js';

const { RTCPeerConnection, nonstandard: { RTCVideoSource, RTCAudioSource, RTCVideoSink } } = wrtc;
const WIDTH = 320, HEIGHT = 240, FPS = 15;
export const VIDEO_BITRATE = 200_000; // with Opus (about 30 kbps): the 230 kbps per subscriber

// The publisher's candidates go in its offer once gathered.
function gathered(pc) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise(resolve => pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve()));
}

// A moving pattern with noise, so the encoder spends the bitrate it is allowed (a still picture costs nothing).
function startGenerated() {
  const video = new RTCVideoSource();
  const audio = new RTCAudioSource();
  const frame = new Uint8ClampedArray(WIDTH * HEIGHT * 3 / 2);
  let tick = 0;
  const videoTimer = setInterval(() => {
    tick++;
    for (let i = 0; i < WIDTH * HEIGHT; i++) frame[i] = ((i % WIDTH) + tick * 4 + (Math.random() * 48)) & 0xff;
    frame.fill(128, WIDTH * HEIGHT);
    video.onFrame({ width: WIDTH, height: HEIGHT, data: frame });
  }, 1000 / FPS);
  const samples = new Int16Array(480);
  let phase = 0;
  const audioTimer = setInterval(() => {
    for (let i = 0; i < samples.length; i++) samples[i] = Math.sin((phase++ * 2 * Math.PI * 440) / 48000) * 8000;
    audio.onData({ samples, sampleRate: 48000, bitsPerSample: 16, channelCount: 1, numberOfFrames: samples.length });
  }, 10);
  return {
    tracks: [audio.createTrack(), video.createTrack()],
    stop() { clearInterval(videoTimer); clearInterval(audioTimer); },
  };
}

// Publishes audio (mid 0) and video (mid 1) under `feed`; resolves once Janus answered.
export async function publish({ url, token, room, pin, feed }) {
  const janus = await new JanusSession(url, token).open();
  await janus.message({ request: 'join', ptype: 'publisher', room, pin, id: feed, token }); // the room's `allowed` list
  const generated = startGenerated();
  const pc = new RTCPeerConnection();
  const [audio, video] = generated.tracks;
  pc.addTransceiver(audio, { direction: 'sendonly' });
  pc.addTransceiver(video, { direction: 'sendonly', sendEncodings: [{ maxBitrate: VIDEO_BITRATE }] });
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  const { jsep } = await janus.message({ request: 'publish', audio: true, video: true }, { type: 'offer', sdp: pc.localDescription.sdp });
  await pc.setRemoteDescription(jsep);
  // Janus offers the feed to subscribers only once its media is up (before that: 428, "No such feed").
  await new Promise(resolve => {
    const up = () => pc.connectionState === 'connected' && resolve();
    pc.addEventListener('connectionstatechange', up);
    up();
  });
  return { async stop() { generated.stop(); pc.close(); await janus.close(); } };
}

// A learner: from the moment `startedAt` (the join request), the first decoded video frame, and the bytes received.
export async function subscribe({ url, token, room, pin, feed, audioOnly, startedAt }) {
  const janus = await new JanusSession(url, token).open();
  feed ??= await janus.publisherIn(room, startedAt + 60_000); // a relay room's learner
  const streams = audioOnly ? [{ feed, mid: '0' }] : [{ feed }];
  const { jsep } = await janus.message({ request: 'join', ptype: 'subscriber', room, pin, streams });
  const pc = new RTCPeerConnection();
  const learner = { audioOnly, decodes: true, firstFrameMs: null };
  pc.ontrack = ({ track }) => {
    if (track.kind !== 'video') return;
    const sink = new RTCVideoSink(track);
    sink.onframe = () => {
      learner.firstFrameMs ??= Date.now() - startedAt;
      sink.stop(); // libwebrtc goes on decoding; the frames need not cross into JavaScript
    };
  };
  // A learner's candidates trickle after the answer, as janus.js sends them.
  pc.onicecandidate = ({ candidate }) => janus.trickle(candidate ?? { completed: true });
  await pc.setRemoteDescription(jsep);
  await pc.setLocalDescription(await pc.createAnswer());
  await janus.message({ request: 'start' }, { type: 'answer', sdp: pc.localDescription.sdp });
  learner.received = async () => {
    const totals = { bytes: 0, videoPackets: 0, audioPackets: 0, framesDecoded: 0 };
    (await pc.getStats()).forEach(s => {
      if (s.type === 'inbound-rtp') totals.bytes += (s.bytesReceived ?? 0) + (s.headerBytesReceived ?? 0);
      if (s.type === 'inbound-rtp' && s.kind === 'video') { totals.videoPackets += s.packetsReceived ?? 0; totals.framesDecoded += s.framesDecoded ?? 0; }
      if (s.type === 'inbound-rtp' && s.kind === 'audio') totals.audioPackets += s.packetsReceived ?? 0;
    });
    return totals;
  };
  learner.stop = async () => { pc.close(); await janus.close(); };
  return learner;
}
