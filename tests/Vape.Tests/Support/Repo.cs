namespace Vape.Tests.Support;

public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vape.sln not found above " + AppContext.BaseDirectory);
    }
}
