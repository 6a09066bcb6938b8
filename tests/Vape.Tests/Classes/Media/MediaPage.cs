namespace Vape.Tests.Classes.Media;

/// <summary>
/// The page a test's Chromium opens: a minimal client of the Janus HTTP API and WebRTC (what the web app's live class
/// does with janus.js), exposing publish, subscribe (full or audio-only) and the received figures from `getStats()`.
/// </summary>
public static class MediaPage
{
    /// <summary>
    /// Serves the page on the namespace pair's outside address (a private address, like Janus's: Chromium lets a
    /// page reach addresses of its own network's kind without a permission prompt).
    /// </summary>
    public static System.Net.HttpListener Serve(string address, int port)
    {
        var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://{address}:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                System.Net.HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                var body = System.Text.Encoding.UTF8.GetBytes(Html);
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        return listener;
    }

    public const string Html = """
        <!doctype html><html lang="vi"><meta charset="utf-8"><title>media</title><body>
        <script>
        const vape = {};
        vape.connect = async (url, token) => {
          vape.url = url; vape.token = token; vape.events = []; vape.waiters = [];
          const r = await vape.send(url, { janus: 'create' });
          if (r.janus === 'error') return r.error.code;
          vape.session = r.data.id;
          (async function poll() {
            while (!vape.closed) {
              try {
                const res = await fetch(`${url}/${vape.session}?maxev=10&rid=${Date.now()}&token=${encodeURIComponent(token)}`);
                let evs = await res.json(); if (!Array.isArray(evs)) evs = [evs];
                for (const e of evs) { vape.events.push(e); vape.waiters.forEach(w => w()); }
              } catch (e) { await new Promise(r => setTimeout(r, 200)); }
            }
          })();
          vape.keepalive = setInterval(() => vape.send(`${url}/${vape.session}`, { janus: 'keepalive' }), 15000);
          return 0;
        };
        vape.send = async (url, body) => {
          body.transaction = Math.random().toString(36).slice(2); body.token = vape.token;
          const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
          return res.json();
        };
        vape.next = (handle, pred) => new Promise((resolve, reject) => {
          const check = () => {
            const i = vape.events.findIndex(e => e.sender === handle && pred(e));
            if (i >= 0) { const [e] = vape.events.splice(i, 1); vape.waiters = vape.waiters.filter(w => w !== check); resolve(e); }
          };
          vape.waiters.push(check); check();
          setTimeout(() => reject(new Error('no event for handle ' + handle + ': ' + JSON.stringify(vape.events))), 30000);
        });
        vape.attach = async () => (await vape.send(`${vape.url}/${vape.session}`, { janus: 'attach', plugin: 'janus.plugin.videoroom' })).data.id;
        vape.message = (handle, body, jsep) => vape.send(`${vape.url}/${vape.session}/${handle}`, jsep ? { janus: 'message', body, jsep } : { janus: 'message', body });
        vape.gathered = pc => new Promise(resolve => {
          if (pc.iceGatheringState === 'complete') return resolve();
          pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
        });
        vape.publish = async (room, pin, feed, audio, video) => {
          const handle = await vape.attach();
          await vape.message(handle, { request: 'join', ptype: 'publisher', room, pin, id: feed, token: vape.token });
          const joined = await vape.next(handle, e => e.plugindata && e.plugindata.data.videoroom);
          if (joined.plugindata.data.videoroom !== 'joined') return joined.plugindata.data;
          const stream = await navigator.mediaDevices.getUserMedia({ audio, video });
          const pc = vape.pub = new RTCPeerConnection();
          for (const t of stream.getTracks()) pc.addTrack(t, stream);
          await pc.setLocalDescription(await pc.createOffer());
          await vape.gathered(pc);
          await vape.message(handle, { request: 'publish', audio, video }, { type: 'offer', sdp: pc.localDescription.sdp, trickle: false });
          const answer = await vape.next(handle, e => e.jsep || (e.plugindata && e.plugindata.data.error_code));
          if (!answer.jsep) return answer.plugindata.data;
          await pc.setRemoteDescription(answer.jsep);
          vape.pubHandle = handle;
          return { videoroom: 'published' };
        };
        vape.subscribe = async (room, pin, feed, audioOnly) => {
          const handle = await vape.attach();
          const streams = audioOnly ? [{ feed, mid: '0' }] : [{ feed }];
          await vape.message(handle, { request: 'join', ptype: 'subscriber', room, pin, streams });
          const offer = await vape.next(handle, e => e.jsep || (e.plugindata && e.plugindata.data.error_code));
          if (!offer.jsep) return offer.plugindata.data;
          const pc = vape.sub = new RTCPeerConnection();
          pc.ontrack = ev => {
            const el = document.createElement(ev.track.kind === 'audio' ? 'audio' : 'video');
            el.autoplay = true; el.muted = false; el.playsInline = true;
            el.srcObject = new MediaStream([ev.track]); document.body.appendChild(el);
          };
          await pc.setRemoteDescription(offer.jsep);
          await pc.setLocalDescription(await pc.createAnswer());
          await vape.gathered(pc);
          await vape.message(handle, { request: 'start' }, { type: 'answer', sdp: pc.localDescription.sdp, trickle: false });
          return { videoroom: 'subscribed' };
        };
        vape.stats = async () => {
          const out = { framesDecoded: 0, videoPackets: 0, audioSamples: 0, audioPackets: 0, audioBytes: 0, audioLevel: 0, sentAudioPackets: 0 };
          if (vape.sub) (await vape.sub.getStats()).forEach(s => {
            if (s.type !== 'inbound-rtp') return;
            if (s.kind === 'video') { out.framesDecoded += s.framesDecoded || 0; out.videoPackets += s.packetsReceived || 0; }
            if (s.kind === 'audio') { out.audioSamples += s.totalSamplesReceived || 0; out.audioPackets += s.packetsReceived || 0; out.audioBytes += s.bytesReceived || 0; out.audioLevel = Math.max(out.audioLevel, s.audioLevel || 0); }
          });
          if (vape.pub) (await vape.pub.getStats()).forEach(s => { if (s.type === 'outbound-rtp' && s.kind === 'audio') out.sentAudioPackets += s.packetsSent || 0; });
          return out;
        };
        vape.close = () => { vape.closed = true; clearInterval(vape.keepalive); vape.sub && vape.sub.close(); vape.pub && vape.pub.close(); };
        window.vape = vape;
        </script></body></html>
        """;
}
