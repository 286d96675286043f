namespace CrmGovernance.Web.Features.FirstRun;

/// <summary>What the inbound endpoint answered the demo website: the inbox id (202), or the status and the problem's detail.</summary>
internal sealed record DemoPostResult(long? InboxId, int Status, string? Problem)
{
    public bool Accepted => InboxId is not null;
}
