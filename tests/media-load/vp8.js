// Reads what a counting learner needs from an RTP packet: the VP8 payload descriptor (RFC 7741) tells a keyframe's
// first packet, the marker bit its last; a keyframe is complete when its packets arrived in sequence up to the marker.

export const isRtcp = packet => packet.length > 1 && packet[1] >= 192 && packet[1] <= 223;

export function rtpHeader(packet) {
  if (packet.length < 12) return null;
  const csrcs = packet[0] & 0x0f, extended = packet[0] & 0x10, padded = packet[0] & 0x20;
  let payload = 12 + csrcs * 4;
  if (extended) {
    if (packet.length < payload + 4) return null;
    payload += 4 + packet.readUInt16BE(payload + 2) * 4;
  }
  const end = packet.length - (padded ? packet[packet.length - 1] : 0);
  if (payload > end) return null;
  return { marker: Boolean(packet[1] & 0x80), type: packet[1] & 0x7f, sequence: packet.readUInt16BE(2), timestamp: packet.readUInt32BE(4), payload, end };
}

// True when the VP8 payload at `offset` starts a keyframe (S = 1, partition 0, and the payload header's P bit 0).
export function startsKeyframe(packet, offset, end) {
  if (offset >= end) return false;
  const first = packet[offset];
  if (!(first & 0x10) || (first & 0x07) !== 0) return false;
  let at = offset + 1;
  if (first & 0x80) {
    const extension = packet[at++];
    if (extension & 0x80) at += packet[at] & 0x80 ? 2 : 1; // PictureID, 7 or 15 bits
    if (extension & 0x40) at++; // TL0PICIDX
    if (extension & 0x30) at++; // TID, KEYIDX
  }
  return at < end && (packet[at] & 0x01) === 0;
}

// Feeds a video track's RTP packets; `complete` becomes true at the first keyframe received whole.
export class KeyframeWatch {
  constructor(payloadType) {
    this.payloadType = payloadType;
    this.complete = false;
    this.next = null; // the sequence number expected next inside a keyframe being received
  }

  push(header, packet) {
    if (this.complete || header.type !== this.payloadType) return false;
    if (startsKeyframe(packet, header.payload, header.end)) {
      this.timestamp = header.timestamp;
      this.next = header.sequence;
    }
    if (this.next === null) return false;
    if (header.sequence !== this.next || header.timestamp !== this.timestamp) {
      this.next = null; // a packet of the keyframe lost: wait for the next one
      return false;
    }
    this.next = (header.sequence + 1) & 0xffff;
    if (header.marker) this.complete = true;
    return this.complete;
  }
}

// The VP8 payload type Janus offered (a=rtpmap:<pt> VP8/90000).
export const vp8PayloadType = sdp => Number(/a=rtpmap:(\d+) VP8\/90000/i.exec(sdp)?.[1] ?? -1);
