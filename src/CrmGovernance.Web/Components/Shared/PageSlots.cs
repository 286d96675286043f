namespace CrmGovernance.Web.Components.Shared;

/// <summary>
/// Every <see cref="PageSlot"/> the portal registered. One service rather than an injected list, so a component resolved
/// through another container (bUnit's, falling back to the host's) still sees the host's slots.
/// </summary>
internal sealed class PageSlots(IEnumerable<PageSlot> slots)
{
    private readonly IReadOnlyList<PageSlot> _slots = [.. slots];

    /// <summary>The components of slot <paramref name="name"/>, in the order they were added.</summary>
    public IEnumerable<Type> For(string name) => _slots.Where(s => s.Name == name).Select(s => s.Component);
}
