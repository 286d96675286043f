namespace CrmGovernance.Core.Access;

public static class AuditActions
{
    public const string Insert = "Insert";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignOut = "SignOut";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string SyncRunStarted = "SyncRunStarted";
    public const string SyncDryRunStarted = "SyncDryRunStarted";
    public const string ErrorQueueDiscard = "Discard";
    public const string ReviewMerge = "Merge";
    public const string ReviewUnmerge = "Unmerge";
    public const string ReviewNotDuplicate = "NotDuplicate";
    public const string ReviewDefer = "Defer";
    public const string ReviewAssign = "Assign";
    public const string ReviewApplyHeldChange = "ApplyHeldChange";
    public const string ReviewDismissHeldChange = "DismissHeldChange";
    public const string DuplicateScanStarted = "DuplicateScanStarted";
    public const string DuplicateScanFedToReview = "DuplicateScanFedToReview";
    public const string AssessmentStarted = "AssessmentStarted";
    public const string AssessmentCancelled = "AssessmentCancelled";
    public const string AuditExported = "AuditExported";
    public const string ChangeRequestReportExported = "ChangeRequestReportExported";
    public const string ConfigurationExported = "ConfigurationExported";
    public const string AccessTokenRevoked = "AccessTokenRevoked";

    public static readonly IReadOnlyList<string> All =
        [Insert, Update, Delete, SignIn, SignInFailed, LockedOut, SignOut, TwoFactorReset, SyncRunStarted, SyncDryRunStarted, ErrorQueueDiscard,
         DuplicateScanStarted, DuplicateScanFedToReview, AssessmentStarted, AssessmentCancelled,
         ReviewMerge, ReviewUnmerge, ReviewNotDuplicate, ReviewDefer, ReviewAssign, ReviewApplyHeldChange, ReviewDismissHeldChange, AuditExported, ChangeRequestReportExported, ConfigurationExported, AccessTokenRevoked];
}
