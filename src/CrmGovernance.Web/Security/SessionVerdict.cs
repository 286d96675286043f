namespace CrmGovernance.Web.Security;

/// <summary>What <see cref="SessionCheck"/> found for a signed-in principal.</summary>
internal enum SessionVerdict
{
    /// <summary>The session stands as it is.</summary>
    Current,

    /// <summary>The session stands, but its roles are not the user's roles any more: rebuild the principal.</summary>
    RolesChanged,

    /// <summary>Signed out, password or two-factor changed, disabled or deleted: the session is over.</summary>
    Ended,
}
