using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Records.Membership;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>
/// The centre's long commands run as jobs (docs/adr/0279): one of a kind at a time, seen only by the centre, and a
/// job held up (here by the copy's lock, as an event being applied holds it) stays running until it can go on.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class RecordsJobsTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsJobsApi _jobs = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private NpgsqlDataSource Database => app.Host.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> Jobs()
    {
        await using var cmd = Database.CreateCommand("select count(*) from records.jobs");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_second_rebuild_while_one_runs_is_JOB_RUNNING_in_Vietnamese_and_the_first_ends_once_it_can()
    {
        // Holding the copy's lock, as an Organization event being applied does: the job is taken and waits on it.
        await using var holder = await Database.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@key, 0))", holder, hold))
        {
            take.Parameters.AddWithValue("key", MembershipCopy.LockKey);
            await take.ExecuteNonQueryAsync();
        }
        var first = await _jobs.Start("rebuildRecordsCopy", "central");
        first.HasErrors.ShouldBeFalse(first.Body);
        var id = first.Data["rebuildRecordsCopy"]!["id"]!.GetValue<string>();
        await _jobs.Until(id, "RUNNING");

        var second = await _jobs.Start("rebuildRecordsCopy", "central");

        second.FirstErrorCode.ShouldBe("JOB_RUNNING", second.Body);
        second.FirstErrorMessage.ShouldNotBeNull().ShouldContain("đang chạy");
        (await Jobs()).ShouldBe(1);
        var latest = await _jobs.Latest("REBUILD_RECORDS_COPY");
        latest.Data["latestRecordsJob"]!["id"]!.GetValue<string>().ShouldBe(id);

        await hold.RollbackAsync();
        var done = await _jobs.Until(id, "DONE", "FAILED");
        done["status"]!.GetValue<string>().ShouldBe("DONE", done.ToJsonString());
        done["done"]!.GetValue<int>().ShouldBeGreaterThan(0);
        done["done"]!.GetValue<int>().ShouldBe(done["total"]!.GetValue<int>());
        // Once it is done, the centre may start another.
        (await _jobs.RunToDone("rebuildRecordsCopy"))["done"]!.GetValue<int>().ShouldBe(done["done"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_back_fill_and_a_rebuild_are_two_kinds_and_run_side_by_side()
    {
        var rebuild = await _jobs.Start("rebuildRecordsCopy", "central");
        var backfill = await _jobs.Start("backfillOwnStatements", "central");

        rebuild.HasErrors.ShouldBeFalse(rebuild.Body);
        backfill.HasErrors.ShouldBeFalse(backfill.Body);
        (await _jobs.Until(backfill.Data["backfillOwnStatements"]!["id"]!.GetValue<string>(), "DONE", "FAILED"))["status"]!.GetValue<string>().ShouldBe("DONE");
        (await _jobs.Until(rebuild.Data["rebuildRecordsCopy"]!["id"]!.GetValue<string>(), "DONE", "FAILED"))["status"]!.GetValue<string>().ShouldBe("DONE");
    }

    [Theory]
    [InlineData("province", "NOT_ALLOWED")]
    [InlineData("learner", "NOT_ALLOWED")]
    [InlineData(null, "NOT_AUTHENTICATED")]
    public async Task Only_the_centre_sees_its_jobs(string? login, string expected)
    {
        var job = (await _jobs.RunToDone("rebuildRecordsCopy"))["id"]!.GetValue<string>();

        var one = await _jobs.Job(job, login);
        var latest = await _jobs.Latest("REBUILD_RECORDS_COPY", login);

        one.FirstErrorCode.ShouldBe(expected, one.Body);
        latest.FirstErrorCode.ShouldBe(expected, latest.Body);
        one.FirstErrorMessage.ShouldNotBeNull().ShouldNotContain("Exception");
        one.Body.ShouldNotContain(job);
    }

    [Fact]
    public async Task A_job_that_is_not_there_is_null_and_a_bad_id_is_INVALID_INPUT()
    {
        var missing = await _jobs.Job(Guid.CreateVersion7().ToString());
        var bad = await _jobs.Job("không-phải-id");

        missing.HasErrors.ShouldBeFalse(missing.Body);
        missing.Data["recordsJob"].ShouldBeNull();
        bad.FirstErrorCode.ShouldBe("INVALID_INPUT", bad.Body);
        bad.FirstErrorMessage.ShouldNotBeNull().ShouldMatch("[àáảãạăâđèéêìíòóôơùúưỳý]");
    }
}
