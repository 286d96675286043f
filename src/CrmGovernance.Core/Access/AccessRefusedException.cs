namespace CrmGovernance.Core.Access;

/// <summary>A caller asked for something their capabilities do not allow; the message says what is missing.</summary>
public sealed class AccessRefusedException(string message) : UnauthorizedAccessException(message);
