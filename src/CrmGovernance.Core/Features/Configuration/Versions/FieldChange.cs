namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>
/// One leaf value that differs, by its path inside the item (e.g. "transforms[1].args.format"). The path and the
/// stored values are the diff itself (rollback, import and equality read them); <see cref="Label"/>,
/// <see cref="OldText"/> and <see cref="NewText"/> are how a person reads it, set by <see cref="DiffLabels"/>.
/// </summary>
public sealed record FieldChange(string Path, string? Old, string? New)
{
    /// <summary>The field as people call it, e.g. "Transform 2 (Format date): Format"; null until labelled.</summary>
    public string? Label { get; init; }

    /// <summary><see cref="Old"/> as people read it: an id becomes the name of what it points at.</summary>
    public string? OldText { get; init; }

    /// <summary><see cref="New"/> as people read it: an id becomes the name of what it points at.</summary>
    public string? NewText { get; init; }

    public string ShownLabel => Label ?? Path;
    public string? ShownOld => OldText ?? Old;
    public string? ShownNew => NewText ?? New;
}
