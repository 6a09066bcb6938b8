using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vape.Classes.Media;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// "Moderation is one action", counted (issue #27, docs/classes.md): a learner speaks from the web app in Chromium
/// (publishing their voice on Janus in the namespace), and the teacher, through the real SignalR client on the
/// in-process host, mutes, unmutes, locks, removes and ends. The in-process host's meter `Vape.Media` counts each admin
/// request it makes to Janus, by request and by the part of Vape that asked; each action makes its own calls once, a
/// repeated one (already muted, already locked, already removed) none. The test waits for each action's last call, as
/// counted, and for the next action on the same queue before it reads the totals: never for a time.
/// </summary>
[Collection(MediaWebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ModerationCountWebTests(MediaWebApp web) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(web.App);
    private ClassroomClient? _teacher;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_teacher is not null) await _teacher.DisposeAsync();
        await web.CloseWindows();
    }

    /// <summary>What the in-process host asked of Janus since the listener started, by caller and request.</summary>
    private sealed class JanusCalls : IDisposable
    {
        private readonly MeterListener _listener;
        private readonly ConcurrentDictionary<(string Caller, string Request), long> _counts = new();

        public JanusCalls(IMeterFactory factory)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == JanusMetrics.MeterName && instrument.Name == JanusMetrics.Requests && instrument.Meter.Scope == factory)
                        l.EnableMeasurementEvents(instrument);
                },
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? request = null, caller = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "request") request = (string?)tag.Value;
                    if (tag.Key == "caller") caller = (string?)tag.Value;
                }
                _counts.AddOrUpdate((caller!, request!), value, (_, n) => n + value);
            });
            _listener.Start();
        }

        public long this[string caller, string request] => _counts.GetValueOrDefault((caller, request));

        /// <summary>The requests made for `caller`, by request (those made at least once).</summary>
        public SortedDictionary<string, long> Of(string caller) =>
            new(_counts.Where(c => c.Key.Caller == caller).ToDictionary(c => c.Key.Request, c => c.Value));

        /// <summary>Waits until the counts say so (each request is counted as it is sent): the call is made, not a time passed.</summary>
        public async Task Until(Func<JanusCalls, bool> condition, string what)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!condition(this))
            {
                if (guard.IsCancellationRequested)
                    throw new TimeoutException($"{what}: {string.Join(", ", _counts.Select(c => $"{c.Key.Caller}/{c.Key.Request}={c.Value}"))}");
                await Task.Delay(50);
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    private async Task<T> Eventually<T>(Func<IQuerySession, Task<T?>> read, string what) where T : class
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var query = web.App.Store.QuerySession())
                if (await read(query) is { } found) return found;
            if (guard.IsCancellationRequested) throw new TimeoutException(what);
            await Task.Delay(100);
        }
    }

    private async Task<List<MediaGrant>> LiveGrants(Guid session, Guid? person = null)
    {
        await using var query = web.App.Store.QuerySession();
        return [.. (await query.Query<MediaGrant>().Where(g => g.SessionId == session && g.RevokedAt == null).ToListAsync())
            .Where(g => person is null || g.PersonId == person)];
    }

    [Fact]
    public async Task Mute_unmute_lock_remove_and_end_each_make_their_Janus_calls_once_and_a_repeated_one_makes_none()
    {
        var c = await _api.Schedule($"Lớp đếm lệnh Janus {Random.Shared.Next(100_000, 999_999)}", extra: new { lobby = false });
        var classId = c["id"]!.GetValue<string>();
        var sessionId = c["sessions"]![0]!["id"]!.GetValue<string>();
        var session = Guid.Parse(sessionId);
        (await _api.Enrol(classId, await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();
        var learnerId = Guid.Parse(await _api.Org.PersonId("learner"));
        _teacher = await ClassroomClient.Connect(web.App, await _api.Org.Token("commune"));
        await _teacher.Join(sessionId);

        // The learner in the web app: in the class with its media, hand raised, given the floor: their page publishes their voice.
        var em = await web.SignedIn("learner", phone: false);
        await em.GotoAsync($"/classes/{classId}");
        await em.GetByRole(AriaRole.Link, new() { Name = "Vào lớp trực tuyến" }).ClickAsync();
        await Expect(em.Locator("section[data-media=on]")).ToBeVisibleAsync();
        await em.GetByRole(AriaRole.Button, new() { Name = "Giơ tay" }).ClickAsync();
        await _teacher.Next("handRaised");
        await _teacher.Do("CallOn", learnerId);
        await MediaWebApp.Until(em, (first, now) => now.SentAudioPackets > first.SentAudioPackets, "the speaking learner's page sends no voice");
        // Moderation has found the speaker's publishing handle on Janus (ADR 0304): the mute reads it again with one call.
        var publisher = await Eventually<MediaPublisher>(async q =>
        {
            var speaking = (await q.Query<MediaGrant>().Where(g => g.SessionId == session && g.PersonId == learnerId && g.RevokedAt == null && g.Feed != 0).ToListAsync()).SingleOrDefault();
            return speaking is null ? null : await q.LoadAsync<MediaPublisher>(speaking.Id);
        }, "the speaker's publishing handle is never found");
        var room = await Eventually<MediaRoom>(q => q.LoadAsync<MediaRoom>(session), "no media room");
        var info = await web.Node(room.Node).Admin(new JsonObject { ["janus"] = "handle_info" }, $"/{publisher.Session}/{publisher.Handle}");
        var sent = JanusAdmin.Sent(info["info"]!["sdps"]!["remote"]!.GetValue<string>());
        var streams = sent.Audio.Count + sent.Video.Count;
        sent.Audio.Count.ShouldBe(1, "a voice-only speaker publishes one voice");

        using var calls = new JanusCalls(web.App.Host.Services.GetRequiredService<IMeterFactory>());

        // Mute: the room's publishers once, the speaker's handle once, each of their streams moderated once.
        var muted = await _teacher.Do("Mute", learnerId);
        await calls.Until(k => k["moderation", "moderate"] >= streams, "the mute reaches Janus");
        (await _teacher.Do("Mute", learnerId)).ShouldBe(muted, "muting a muted learner writes nothing");
        await _teacher.Do("Unmute", learnerId);
        await calls.Until(k => k["moderation", "moderate"] >= 2 * streams, "the unmute reaches Janus");

        // Lock with everyone inside: nothing to close on Janus; locked again: nothing written.
        var locked = await _teacher.Do("Lock", true);
        (await _teacher.Do("Lock", true)).ShouldBe(locked, "locking a locked room writes nothing");

        // Remove: each of the learner's live tokens removed once, their publishing taken off `allowed` and kicked once,
        // the node's sessions walked once for theirs, the pin changed once. The lock's closing ran first on the same queue.
        long tokens = (await LiveGrants(session, learnerId)).Count;
        tokens.ShouldBeGreaterThan(0);
        var removed = await _teacher.Do("Remove", learnerId);
        await calls.Until(k => k["access", "edit"] >= 1, "the removal's new pin reaches Janus");
        // The pin is its last call; the revocations are saved after it: the end below reads what is live then.
        await Eventually<MediaGrant[]>(async q => await q.Query<MediaGrant>().AnyAsync(g => g.SessionId == session && g.PersonId == learnerId && g.RevokedAt == null) ? null : [],
            "the removed learner's grants are never marked revoked");
        (await _teacher.Do("Remove", learnerId)).ShouldBe(removed, "removing a removed learner writes nothing");

        // End: the room destroyed once, and whatever token is still live removed once. The mute and unmute ran first on the same queue.
        var left = (await LiveGrants(session)).Count;
        await _teacher.Do("End");
        await calls.Until(k => k["moderation", "destroy"] >= 1, "the end reaches Janus");
        await Eventually<MediaRoom>(async q => await q.LoadAsync<MediaRoom>(session) is { EndedAt: not null } r ? r : null, "the room is never marked ended");

        var moderation = calls.Of("moderation");
        var expected = new SortedDictionary<string, long> { ["listparticipants"] = 2, ["handle_info"] = 2, ["moderate"] = 2 * streams, ["destroy"] = 1 };
        if (left > 0) expected["remove_token"] = left;
        string.Join(", ", moderation).ShouldBe(string.Join(", ", expected), $"mute, unmute and end; {streams} streams, {left} tokens left at the end");

        var access = calls.Of("access");
        // The walk of the node's sessions finds the learner's only if their page has not closed it first (it hears the removal too).
        access.Keys.ShouldBeSubsetOf(["allowed", "destroy_session", "edit", "handle_info", "kick", "list_handles", "list_sessions", "remove_token"], string.Join(", ", access));
        (access["remove_token"], access["allowed"], access["kick"], access["list_sessions"], access["edit"]).ShouldBe((tokens, 1L, 1L, 1L, 1L), string.Join(", ", access));
        access.GetValueOrDefault("destroy_session").ShouldBeInRange(0L, tokens, "only the removed learner's Janus sessions end");
    }
}
