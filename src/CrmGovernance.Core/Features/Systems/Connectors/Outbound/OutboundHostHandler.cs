namespace CrmGovernance.Core.Features.Systems.Connectors.Outbound;

/// <summary>
/// The outermost handler of the REST connectors' HttpClient: refuses a request to a host that is not allowed before
/// the resilience pipeline could retry it. The connect callback checks again, with the resolved addresses.
/// </summary>
internal sealed class OutboundHostHandler(OutboundPolicy policy) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { } url && policy.UrlProblem(url) is { } problem
            ? throw new OutboundRefusedException("The portal may not send to " + url.GetLeftPart(UriPartial.Authority) + ": " + problem)
            : base.SendAsync(request, cancellationToken);
}
