namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// What a configuration YAML file may hold before it is read at all. A real configuration is far inside every limit;
/// each exists so that one hostile file (a deep bracket pile, an alias bomb, a huge paste) is refused cheaply instead of
/// exhausting the stack or memory of the process the portal, the worker and the inbound endpoint share.
/// </summary>
public static class YamlImportLimits
{
    /// <summary>Size of the text, in UTF-8 bytes. A configuration with 4,200 fields exports to 1.4 MB (about 330 bytes a field).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Collections inside collections. The configuration's own shape goes about 8 deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Keys, values, lists and sets of keys, counting every alias (*name) as a full copy of what it names. The 4,200-field
    /// configuration has 108,000; this allows about 20,000 fields.
    /// </summary>
    public const int MaxNodes = 500_000;

    /// <summary>What a file over <see cref="MaxBytes"/> is told, wherever it is refused.</summary>
    public static string TooLarge { get; } = $"The file is larger than {MaxBytes / 1024 / 1024} MB, so it is not a configuration export; nothing was read.";
}
