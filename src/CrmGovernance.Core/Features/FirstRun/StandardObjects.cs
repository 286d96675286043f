using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>The business objects present from the start. Their ids are fixed so every installation shares them.</summary>
public static class StandardObjects
{
    public static readonly Guid Contact = new("0b0e0000-0000-4000-8000-000000000001");
    public static readonly Guid Company = new("0b0e0000-0000-4000-8000-000000000002");
    public static readonly Guid Lead = new("0b0e0000-0000-4000-8000-000000000003");
    public static readonly Guid Opportunity = new("0b0e0000-0000-4000-8000-000000000004");
    public static readonly Guid Subscription = new("0b0e0000-0000-4000-8000-000000000005");
    public static readonly Guid Order = new("0b0e0000-0000-4000-8000-000000000006");

    public static List<BusinessObject> All(string owner, string steward) =>
    [
        Make(Contact, "contact", "Contact", "A person the company is in touch with.", owner, steward),
        Make(Company, "company", "Company", "An organisation a contact works for or buys on behalf of.", owner, steward),
        Make(Lead, "lead", "Lead", "An expression of interest not yet qualified by sales.", owner, steward),
        Make(Opportunity, "opportunity", "Opportunity", "A qualified sales opportunity with a stage and a value.", owner, steward),
        Make(Subscription, "subscription", "Subscription", "A recurring product or newsletter a contact receives.", owner, steward),
        Make(Order, "order", "Order", "A purchase in the shop or the ERP.", owner, steward),
    ];

    private static BusinessObject Make(Guid id, string key, string name, string description, string owner, string steward) =>
        new() { Id = id, Key = key, Name = name, Description = description, Owner = owner, Steward = steward };
}
