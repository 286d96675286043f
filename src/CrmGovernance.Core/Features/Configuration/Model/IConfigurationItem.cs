namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>One governed item of the configuration: a system, an object, a field, a flow, a mapping, a rule, ….</summary>
public interface IConfigurationItem
{
    Guid Id { get; }

    /// <summary>How the item reads in a diff or an error message, e.g. "flow Web form → CRM (contact)".</summary>
    string DisplayName { get; }
}
