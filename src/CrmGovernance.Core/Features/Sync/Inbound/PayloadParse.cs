namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>A body read as fields (<see cref="Json"/>, a flat JSON object), or why it cannot be (status 400 or 415 and a message).</summary>
public sealed record PayloadParse(string? Json, int StatusCode, string? Error)
{
    public bool Succeeded => Json is not null;

    public static PayloadParse Fields(string json) => new(json, 202, null);

    public static PayloadParse Refused(int statusCode, string error) => new(null, statusCode, error);
}
