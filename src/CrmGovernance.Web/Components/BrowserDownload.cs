using Microsoft.JSInterop;

namespace CrmGovernance.Web.Components;

/// <summary>Sends a file from an interactive page to the user's browser as a download.</summary>
public static class BrowserDownload
{
    public static async Task SaveAsync(IJSRuntime js, string fileName, string contentType, byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("crmDownload", fileName, contentType, reference);
    }
}
