using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Security;

/// <summary>Refuses to start with a proxy address, network or allowed origin that does not parse.</summary>
internal sealed class WebSecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = options.ForwardedHeaders.Errors()
            .Concat(options.AllowedOrigins.Where(o => HubOriginCheck.Normalize(o) is null)
                .Select(o => $"Security:AllowedOrigins: '{o}' is not an origin (scheme://host[:port], http or https, no path)."))
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
