// A counting learner (node-datachannel, libdatachannel): subscribes like the decoding one but decodes nothing. It
// counts the RTP it receives, and its first frame is the first VP8 keyframe received whole (vp8.js).
import nodeDataChannel from 'node-datachannel';
import { JanusSession } from './janus.js';
import { KeyframeWatch, isRtcp, rtpHeader, vp8PayloadType } from './vp8.js';

const { PeerConnection, RtcpReceivingSession } = nodeDataChannel;
let peers = 0;

export async function subscribeCounting({ url, token, room, pin, feed, audioOnly, startedAt }) {
  const janus = await new JanusSession(url, token).open();
  feed ??= await janus.publisherIn(room, startedAt + 60_000); // a relay room's learner
  const streams = audioOnly ? [{ feed, mid: '0' }] : [{ feed }];
  const { jsep } = await janus.message({ request: 'join', ptype: 'subscriber', room, pin, streams });
  const learner = { audioOnly, decodes: false, firstFrameMs: null };
  const totals = { bytes: 0, videoPackets: 0, audioPackets: 0, framesDecoded: null, keyframes: 0 };
  const keyframe = new KeyframeWatch(vp8PayloadType(jsep.sdp));
  const pc = new PeerConnection(`learner-${++peers}`, { iceServers: [] });
  const tracks = []; // held: a track nobody references is collected, and receives nothing more
  pc.onTrack(track => {
    tracks.push(track);
    const video = track.type() === 'video';
    if (video) track.setMediaHandler(new RtcpReceivingSession()); // receiver reports, and a PLI when a keyframe lost a packet
    track.onMessage(packet => {
      if (isRtcp(packet)) return;
      const header = rtpHeader(packet);
      if (!header) return;
      totals.bytes += packet.length;
      if (!video) { totals.audioPackets++; return; }
      totals.videoPackets++;
      const was = keyframe.next;
      if (keyframe.push(header, packet)) {
        totals.keyframes++;
        learner.firstFrameMs ??= Date.now() - startedAt;
      } else if (was !== null && keyframe.next === null) track.requestKeyframe();
    });
  });
  const answer = new Promise(resolve => pc.onLocalDescription((sdp, type) => resolve({ sdp, type })));
  pc.onLocalCandidate((candidate, mid) => janus.trickle({ candidate: candidate.replace(/^a=/, ''), sdpMid: mid, sdpMLineIndex: 0 }));
  pc.onGatheringStateChange(state => state === 'complete' && janus.trickle({ completed: true }));
  pc.setRemoteDescription(jsep.sdp, 'offer');
  await janus.message({ request: 'start' }, await answer);
  learner.received = async () => ({ ...totals });
  learner.stop = async () => { tracks.length = 0; pc.close(); await janus.close(); };
  return learner;
}
