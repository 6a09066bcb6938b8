using Vape.Tests.Support;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A media fixture whose start fails half way (Janus not ready, no web build, the host not started) is cleaned up
/// without a second failure in place of the first: the in-process host that never started has nothing to stop (it
/// threw a NullReferenceException before), and every cleanup step runs even when one before it threw, so the nodes are
/// killed and the network namespace removed all the same.
/// </summary>
public sealed class FixtureCleanupTests
{
    [Fact]
    public async Task A_host_that_never_started_disposes_quietly_and_says_it_was_not_started()
    {
        var app = new VapeApp();
        await Should.NotThrowAsync(app.DisposeAsync);
        Should.Throw<InvalidOperationException>(() => app.Host).Message.ShouldContain("not started");
    }

    [Fact]
    public async Task Every_cleanup_step_runs_after_one_that_threw_and_its_failure_is_reported()
    {
        var ran = new List<string>();
        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => Cleanup.RunAll(
            () => { ran.Add("browser"); throw new InvalidOperationException("the browser was never launched"); },
            () => { ran.Add("janus"); return Task.CompletedTask; },
            () => { ran.Add("namespace"); return Task.CompletedTask; }));
        thrown.Message.ShouldBe("the browser was never launched");
        ran.ShouldBe(new[] { "browser", "janus", "namespace" });
    }
}
