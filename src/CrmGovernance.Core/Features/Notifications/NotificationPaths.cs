using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>Where pickup emails go: Notifications:Email:PickupFolder, resolved under the data folder and confined to it.</summary>
public sealed class NotificationPaths(CoreHost host, IOptions<NotificationOptions> options)
{
    public string PickupFolder => Resolve(host.DataFolder, options.Value.Email.PickupFolder);

    public static bool IsInside(string dataFolder, string folder)
    {
        try
        {
            Resolve(dataFolder, folder);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static string Resolve(string dataFolder, string folder)
    {
        var root = Path.GetFullPath(dataFolder);
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "mail-pickup" : folder, root);
        return full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"Notifications:Email:PickupFolder must be inside the data folder ({root}); '{folder}' is not.");
    }
}
