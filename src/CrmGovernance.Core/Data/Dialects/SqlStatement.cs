namespace CrmGovernance.Core.Data.Dialects;

/// <summary>A statement of a dialect and its parameter names, in the order <see cref="PortalCommand"/> binds values.</summary>
public sealed class SqlStatement(string text, params string[] parameters)
{
    public string Text { get; } = text;

    public IReadOnlyList<string> Parameters { get; } = parameters;
}
