using CrmGovernance.Core.Access;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// One service entry point and the capability it needs. <see cref="AnswersNothing"/>: for calls that answer an empty
/// result to those who may not (Home's counters) instead of refusing; it tells whether a result is that empty answer.
/// </summary>
public sealed record ServiceEntry(Type Service, string Method, Capability Capability, Func<IServiceProvider, Task<object?>> Call,
    Func<object?, bool>? AnswersNothing = null)
{
    public string Name => Service.Name + "." + Method;
}
