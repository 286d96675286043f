namespace CrmGovernance.Web.Components.Shared;

/// <summary>
/// A component a later feature puts on an earlier feature's page (docs/architecture.md, "Web"): the page renders its slot
/// with <see cref="Slot"/> and never names the component, so the earlier feature does not depend on the later one.
/// </summary>
/// <param name="Name">The slot, a constant of the page that offers it (e.g. <c>ChangeRequestSlots.Review</c>).</param>
/// <param name="Component">The component rendered there; it takes the parameters the slot's constant documents.</param>
internal sealed record PageSlot(string Name, Type Component);
