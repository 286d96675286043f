namespace CrmGovernance.Core.Features.Systems.Connectors.Outbound;

/// <summary>
/// A request a connector may not send: its host is not allowed, its name resolves to an internal address, or it was
/// redirected. A setting to fix, not a failure to retry: the resilience pipeline passes it through at once.
/// </summary>
public sealed class OutboundRefusedException : InvalidOperationException
{
    public OutboundRefusedException(string message) : base(message)
    {
    }

    public OutboundRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OutboundRefusedException()
    {
    }

    /// <summary>The refusal behind an exception (HttpClient wraps what its connect callback throws), or null.</summary>
    public static OutboundRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }
}
