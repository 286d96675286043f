using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.BrowserTests.Journeys;

/// <summary>
/// A visitor the demo CRM knows mistypes their email on the demo website. The match rule recognises them, the enquiry
/// is logged on their contact, and the contact's good email stays: followed from the form's confirmation to the outcome.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class FuzzyTypoJourney(BrowserPortal portal)
{
    [Fact]
    public async Task A_typo_email_sent_on_the_demo_form_is_followed_to_its_outcome_and_the_good_email_is_kept()
    {
        var contact = await KnownContactAsync();
        var good = contact.Fields["email"]!;
        var typo = Transposed(good);
        var steward = DemoAccounts.All.Single(a => a.Role == Roles.Steward);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(steward.Email, steward.Password);
        var form = new DemoWebsiteForm(page);

        await form.SendAsync(contact.Fields["first_name"]!, contact.Fields["last_name"]!, typo, "Could you call me about the garden office?");
        await form.FollowAsync();

        var (outcome, reason) = (await form.OutcomeAsync(), await form.ReasonAsync());
        Assert.True(outcome == "Appended", $"{good} → {typo}: {outcome}: {reason}");
        Assert.Contains($"Kept the existing Email \"{good}\": the record was matched by the match rule", reason, StringComparison.Ordinal);
        Assert.Contains($"The incoming \"{typo}\" was not written.", reason, StringComparison.Ordinal);
        Assert.Equal(good, (await form.AfterAsync("email")).Trim());
        Assert.Equal(good, (await CrmContactAsync(contact.Id)).Fields["email"]);
        await page.Context.CloseAsync();
    }

    /// <summary>A CRM contact with a full name no other contact shares and an email long enough to mistype.</summary>
    private async Task<ConnectorRecord> KnownContactAsync()
    {
        await using var crm = await OpenCrmAsync();
        var contacts = (await crm.ReadChangesAsync("contact", null, 1_000, CancellationToken.None)).Records;
        return contacts
            .Where(c => c.Fields.GetValueOrDefault("email") is { } e && e.IndexOf('@', StringComparison.Ordinal) >= 6
                && c.Fields.GetValueOrDefault("first_name") is { Length: > 1 } f && char.IsUpper(f[0]) && c.Fields.GetValueOrDefault("last_name") is { Length: > 1 })
            .GroupBy(c => (c.Fields["first_name"]!.ToUpperInvariant(), c.Fields["last_name"]!.ToUpperInvariant()))
            .Where(g => g.Count() == 1 && contacts.Count(c => string.Equals(c.Fields.GetValueOrDefault("last_name"), g.Key.Item2, StringComparison.OrdinalIgnoreCase)) == 1)
            .Select(g => g.Single())
            .First(c => Transposed(c.Fields["email"]!) != c.Fields["email"]);
    }

    /// <summary>Two letters of the mailbox name swapped, as a fast typist does ("thomas.stevens" → "thomas.stevnes").</summary>
    private static string Transposed(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var chars = email.ToCharArray();
        (chars[at - 3], chars[at - 2]) = (chars[at - 2], chars[at - 3]);
        return new string(chars);
    }

    private async Task<ConnectorRecord> CrmContactAsync(string id)
    {
        await using var crm = await OpenCrmAsync();
        return Assert.Single(await crm.LookupAsync("contact", null, [id], CancellationToken.None));
    }

    private async Task<ISyncConnector> OpenCrmAsync()
    {
        var configuration = (await portal.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        return portal.Services.GetRequiredService<IConnectorFactory>().Open(configuration.FindSystem(DemoConfiguration.Crm)!);
    }
}
