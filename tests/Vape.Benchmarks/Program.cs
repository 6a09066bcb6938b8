using BenchmarkDotNet.Running;

namespace Vape.Benchmarks;

/// <summary>`dotnet run -c Release --project tests/Vape.Benchmarks -- --filter '*'` (no top-level statements: `Program` is the host's).</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
