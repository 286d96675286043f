using CrmGovernance.Core.Features.Configuration.Validation;

namespace CrmGovernance.Web.Components.Validation;

/// <summary>
/// MudBlazor <c>Validation</c> funcs over the Core input checks, so every dialog checks a value the same way. Mud runs
/// them when the value changes (a text field on blur), never when a dialog opens, and clears the message once the value
/// is fixed; a dialog's save calls <c>MudForm.Validate()</c> to check the fields nobody touched.
/// </summary>
public static class FieldRules
{
    /// <summary>The first message of the checks, in order.</summary>
    public static Func<string?, string?> Of(params Func<string?, string?>[] checks) =>
        value => checks.Select(check => check(value)).FirstOrDefault(message => message is not null);

    public static Func<string?, string?> Required(string message) => value => InputChecks.Required(value, message);

    public static Func<string?, string?> Email(string label) => value => InputChecks.Email(value, label);

    /// <summary>An email that must be given, e.g. an owner.</summary>
    public static Func<string?, string?> RequiredEmail(string label, string missing) => Of(Required(missing), Email(label));

    public static Func<string?, string?> PhoneRegion(string label) => value => PhoneRegions.Problem(value, label);

    public static Func<string?, string?> Key(string label) => value => InputChecks.Key(value, label);

    public static Func<string?, string?> WholeNumber(string label, int minimum) => value => InputChecks.WholeNumber(value, label, minimum, out _);
}
