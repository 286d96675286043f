using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// Sends one email: over SMTP (MailKit), or as an .eml file in the pickup folder (written aside, then moved in, so a
/// reader never sees half a file). The Message-Id is the delivery's, so a mail server can tell a resend after a crash.
/// </summary>
public sealed class EmailTransport(IOptions<NotificationOptions> options, NotificationPaths paths)
{
    public async Task SendAsync(long deliveryId, string to, string subject, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value.Email;
        var message = new MimeMessage { Subject = subject, MessageId = $"notification-{deliveryId}@crmgovernance" };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = body };
        switch (settings.Mode)
        {
            case EmailMode.Pickup:
                await WritePickupAsync(deliveryId, message, cancellationToken);
                break;
            case EmailMode.Smtp:
                await SendSmtpAsync(settings, message, cancellationToken);
                break;
            default:
                throw new InvalidOperationException("Email is off (Notifications:Email:Mode is Off).");
        }
    }

    private async Task WritePickupAsync(long deliveryId, MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = paths.PickupFolder;
        Directory.CreateDirectory(folder);
        var name = $"{deliveryId:D10}-{Guid.NewGuid():N}";
        var temp = Path.Combine(folder, name + ".tmp");
        await using (var file = File.Create(temp))
        {
            await message.WriteToAsync(file, cancellationToken);
        }
        File.Move(temp, Path.Combine(folder, name + ".eml"));
    }

    private static async Task SendSmtpAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? "", settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
