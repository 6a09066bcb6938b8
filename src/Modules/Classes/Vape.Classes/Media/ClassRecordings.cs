using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Classes.Catalogue;
using Vape.Content.Contracts;
using Wolverine;

namespace Vape.Classes.Media;

/// <summary>One converted file of a recorded session, as the class shows it and the library keeps it.</summary>
/// <param name="Kind">CAMERA, VOICE or SCREEN.</param>
/// <param name="Seconds">How long it lasts; null for files made before it was measured.</param>
public sealed record RecordedFile(string Kind, Guid FileId, Guid ResourceId, string Name, int? Seconds = null);

/// <summary>A host converted a recorded session's files: the row is marked made and the library told, in one commit.</summary>
public sealed record RecordingConverted(Guid SessionId, IReadOnlyList<RecordedFile> Files, Guid ClassId, Guid UnitId, Guid HostId, string Title,
    string Topic, int Number, DateTimeOffset EndedAt);

public static class RecordingConvertedHandler
{
    /// <summary>Only the first conversion that reaches the row counts: a second one (its host was thought dead) adds nothing.</summary>
    public static async Task<OutgoingMessages> Handle(RecordingConverted m, IDocumentSession session, ClassesClock clock, CancellationToken ct)
    {
        var made = await new ClassesSql(session).ScalarAsync<bool>("""
            with made as (update classes.recordings set status = @status, made_at = @now, files = @files::jsonb
                           where session_id = @s and status = 'PENDING' returning 1)
            select exists (select 1 from made)
            """, ct, ("s", m.SessionId), ("status", m.Files.Count == 0 ? "EMPTY" : "MADE"), ("now", clock.Now),
            ("files", JsonSerializer.Serialize(m.Files, CommunityClass.Json)));
        var outgoing = new OutgoingMessages();
        if (!made) return outgoing;
        foreach (var f in m.Files)
            outgoing.Add(new AddClassRecording(f.ResourceId, f.FileId, m.ClassId, m.SessionId, $"{m.Title} – buổi {m.Number} – {ClassRecordings.Label(f.Kind)}",
                $"Ghi hình buổi {m.Number} của lớp “{m.Title}”, kết thúc lúc {m.EndedAt:yyyy-MM-dd HH:mm} (UTC).", f.Kind, m.Topic, m.UnitId, m.HostId, m.EndedAt));
        return outgoing;
    }
}

/// <summary>
/// A recorded class's files after each session (docs/adr/0235): the row queued with the room's end is claimed by one
/// host at a time (a claim that expires: a host that died leaves it to another), its hosts' `.mjr` files are turned
/// into webm (picture) and ogg (voice) by Janus's own `janus-pp-rec`, kept in the file store, and handed to the library
/// through the outbox. Learners' voices (a taken hand) are not kept.
/// </summary>
internal sealed partial class ClassRecordings(ClassesReader db, IDocumentStore store, IFileStore files, CatalogueStore catalogue, IServiceScopeFactory scopes,
    IOptions<MediaOptions> options, ClassesClock clock, ILogger<ClassRecordings> log)
{
    public const string Unavailable = "RECORDING_OFF";

    public static void DemandAvailable(IConfiguration configuration)
    {
        if (configuration.GetSection(MediaOptions.Section).Get<MediaOptions>()?.RecordingEnabled != true)
            throw new VapeException(Unavailable, "Không ghi hình được: máy chủ âm thanh và hình ảnh chưa được cấu hình để ghi hình lớp học.");
    }

    public static string Label(string kind) => kind switch { "VOICE" => "tiếng", "SCREEN" => "màn hình chia sẻ", _ => "hình ảnh" };

    /// <summary>The room ended: its recording is work to do, in the commit that ends it.</summary>
    public static void Queue(IDocumentSession session, MediaRoom room) =>
        session.QueueSqlCommand("""
            insert into classes.recordings (session_id, class_id, ended_at)
            select s.id, s.class_id, ?::timestamptz from classes.sessions s where s.id = ? on conflict do nothing
            """, room.EndedAt!.Value, room.Id);

    /// <summary>Converts the oldest recording nobody holds, if any; true when there was one.</summary>
    public async Task<bool> ConvertNextAsync(CancellationToken ct)
    {
        var now = clock.Now;
        var claimed = await db.ListAsync("""
            update classes.recordings r set claimed_until = @until, attempts = attempts + 1
             where session_id = (select session_id from classes.recordings
                                  where status = 'PENDING' and (claimed_until is null or claimed_until < @now)
                                  order by ended_at limit 1 for update skip locked)
            returning r.session_id, r.class_id, r.ended_at
            """, r => (Session: r.GetGuid(0), Class: r.GetGuid(1), EndedAt: r.GetFieldValue<DateTimeOffset>(2)), ct,
            ("now", now), ("until", now.AddMinutes(options.Value.RecordingClaimMinutes)));
        if (claimed.Count == 0) return false;
        var (sessionId, classId, endedAt) = claimed[0];
        var c = await catalogue.LoadAsync(classId, ct) ?? throw Errors.ClassNotFound();
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        var host = c.HostIds.FirstOrDefault(c.CreatedBy);
        var made = await ConvertAsync(sessionId, host, ct);
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new RecordingConverted(sessionId, made, classId, c.UnitId, host, c.Title, c.Topic.ToString(), s.Number, endedAt), ct);
        foreach (var dir in Folders(sessionId).Where(Directory.Exists)) Remove(dir);
        LogMade(log, sessionId, made.Count);
        return true;
    }

    private void Remove(string dir)
    {
        if (options.Value.KeepRecordingSources is not { Length: > 0 } keep)
        {
            Directory.Delete(dir, recursive: true);
            return;
        }
        var target = Path.Combine(keep, $"{Path.GetFileName(dir)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(keep);
        Directory.Move(dir, target);
    }

    private IEnumerable<string> Folders(Guid sessionId) =>
        options.Value.Janus.Nodes.Where(n => n.RecordingDir.Length > 0).Select(n => Path.Combine(n.RecordingDir, sessionId.ToString("N"))).Distinct();

    /// <summary>The hosts' camera, voice and screen files, converted and kept; each file's resource id follows from its name.</summary>
    private async Task<List<RecordedFile>> ConvertAsync(Guid sessionId, Guid owner, CancellationToken ct)
    {
        var screen = MediaRooms.ScreenFeed(sessionId);
        HashSet<long> hostFeeds;
        await using (var query = store.QuerySession())
            hostFeeds = [.. (await query.Query<MediaGrant>().Where(g => g.SessionId == sessionId && g.Host && g.Feed != 0).Select(g => g.Feed).ToListAsync(ct))
                .Select(f => (long)f), screen];
        var made = new List<RecordedFile>();
        var recordings = Folders(sessionId).Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "*.mjr")).Order().ToList();
        foreach (var mjr in recordings)
        {
            var name = Path.GetFileNameWithoutExtension(mjr);
            if (FileName().Match(name) is not { Success: true } m || !long.TryParse(m.Groups["feed"].Value, out var feed) || !hostFeeds.Contains(feed)) continue;
            var audio = m.Groups["type"].Value == "audio";
            var kind = audio ? "VOICE" : feed == screen ? "SCREEN" : "CAMERA";
            var output = Path.Combine(Path.GetTempPath(), $"vape-recording-{Guid.NewGuid():N}{(audio ? ".ogg" : ".webm")}");
            var playable = Path.ChangeExtension(output, ".mjr");
            try
            {
                var source = !audio && PlayableVp8.Clean(mjr, playable) is { } cleaned ? Cleaned(sessionId, cleaned, playable) : mjr;
                if (!await PostProcessAsync(source, output, ct)) continue;
                var number = made.Count(f => f.Kind == kind) + 1;
                await using var content = File.OpenRead(output);
                var stored = await files.SaveAsync(owner, $"ghi-hinh-{kind.ToLowerInvariant()}-{number}{Path.GetExtension(output)}", content, ct);
                made.Add(new RecordedFile(kind, stored.Id, ResourceId(sessionId, name), stored.Name, RecordingLength.Seconds(source)));
            }
            catch (VapeException e)
            {
                LogUnusable(log, sessionId, e.Code);
            }
            finally
            {
                File.Delete(output);
                File.Delete(playable);
            }
        }
        return made;
    }

    private string Cleaned(Guid sessionId, PlayableVp8.Outcome outcome, string playable)
    {
        if (outcome.Dropped > 0) LogDropped(log, sessionId, outcome.Dropped, outcome.Frames);
        return playable;
    }

    /// <summary>`janus-pp-rec in.mjr out.webm|out.ogg`; false when it makes nothing (a stream without a packet).</summary>
    private async Task<bool> PostProcessAsync(string mjr, string output, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.Value.RecordingTool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-o", "-d", "2", mjr, output }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("janus-pp-rec did not start");
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(ct), process.StandardError.ReadToEndAsync(ct));
        await process.WaitForExitAsync(ct);
        await drained;
        return process.ExitCode == 0 && File.Exists(output) && new FileInfo(output).Length > 0;
    }

    /// <summary>The same file of the same session is the same resource, however often it is converted.</summary>
    private static Guid ResourceId(Guid sessionId, string file) =>
        new(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{sessionId:N}:{file}")).AsSpan(0, 16));

    /// <summary>Janus VideoRoom's own names: `videoroom-{room}-user-{feed}-{time}-{audio|video|data}-{mid}`.</summary>
    [GeneratedRegex(@"^videoroom-\d+-user-(?<feed>\d+)-\d+-(?<type>audio|video)(-\d+)?$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording of session {SessionId}: {Files} files for the library")]
    private static partial void LogMade(ILogger logger, Guid sessionId, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording of session {SessionId}: {Dropped} undecodable video frames left out, {Kept} kept")]
    private static partial void LogDropped(ILogger logger, Guid sessionId, int dropped, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording of session {SessionId}: a converted file was refused by the file store ({Code})")]
    private static partial void LogUnusable(ILogger logger, Guid sessionId, string code);
}
