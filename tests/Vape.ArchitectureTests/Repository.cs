namespace Vape.ArchitectureTests;

internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vape.sln not found");
    }
}
