namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>The situations the simulated website produces, and what the web form flow does with each.</summary>
public enum DemoEnquiryKind
{
    /// <summary>Someone new: created.</summary>
    NewVisitor,
    /// <summary>A CRM contact, email in another case or with spaces: appended to that contact.</summary>
    KnownContact,
    /// <summary>An earlier visitor comes back: appended.</summary>
    ReturningVisitor,
    /// <summary>The same form sent twice in a row (a double click): created, then appended.</summary>
    DoubleSubmit,
    /// <summary>No last name, which the CRM requires: rejected.</summary>
    MissingLastName,
    /// <summary>An address without a domain or with two @: rejected.</summary>
    InvalidEmail,
    /// <summary>A phone that is no phone number: rejected.</summary>
    UnreadablePhone,
    /// <summary>The whole name typed into "first name": the CRM's length check refuses it, so it fails.</summary>
    OverlongFirstName,
    /// <summary>A CRM contact with a slip in the domain (gmial.com): a valid address, so only the contact match rule tells it is the same person.</summary>
    DomainTypo,
}
