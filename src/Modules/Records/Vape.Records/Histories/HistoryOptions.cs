using Microsoft.Extensions.DependencyInjection;

namespace Vape.Records.Histories;

/// <summary>`Vape:LearningHistory:*`: where the fonts of the certified history PDF are (docs/adr/0238).</summary>
internal sealed class HistoryOptions
{
    public const string Section = "Vape:LearningHistory";

    public const string Regular = "DejaVuSans.ttf";

    public const string Bold = "DejaVuSans-Bold.ttf";

    /// <summary>A folder with DejaVu Sans (regular and bold): Debian's `fonts-dejavu-core` puts them here. Embedded in each PDF (Vietnamese letters).</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<HistoryOptions>().BindConfiguration(Section)
            .Validate(o => File.Exists(Path.Combine(o.FontDirectory, Regular)) && File.Exists(Path.Combine(o.FontDirectory, Bold)),
                $"{Section}:FontDirectory must hold {Regular} and {Bold} (the certified learning history PDF embeds them): install Debian's fonts-dejavu-core, or name the folder that has them.")
            .ValidateOnStart();
}
