using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Components.Account;

/// <summary>
/// Answers password sign-ins for emails that have no account the way a real account answers a wrong password, so
/// neither the time taken nor the lockout page tells an attacker which emails have accounts: the same password-hash
/// work, and after <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures the same lockout for the same time.
/// Failures are counted in memory for a day after the last one, for at most <see cref="MaxTracked"/> emails
/// (the least recently used are forgotten first), and a restart forgets them.
/// </summary>
internal sealed class UnknownAccountSignIns(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    public const int MaxTracked = 10_000;
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);
    private static readonly ApplicationUser Nobody = new();
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = MaxTracked });
    private readonly ConcurrentDictionary<Type, string> _placeholderHashes = new();

    public SignInResult SignIn(string normalizedEmail, string password, IPasswordHasher<ApplicationUser> hasher, bool lockoutOnFailure)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));
        var failures = _failures.GetOrCreate(key, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = Remembered;
            return new Failures();
        })!;
        var lockout = identity.Value.Lockout;
        lock (failures)
        {
            // As for a real account: a locked email is answered before any password work.
            if (failures.LockedUntil > clock.GetUtcNow())
            {
                return SignInResult.LockedOut;
            }
        }
        // A real account's wrong password costs one verification with the portal's hasher; so does this one.
        var placeholder = _placeholderHashes.GetOrAdd(hasher.GetType(), _ => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
        _ = hasher.VerifyHashedPassword(Nobody, placeholder, password);
        if (!lockoutOnFailure)
        {
            return SignInResult.Failed;
        }
        lock (failures)
        {
            if (++failures.Count < lockout.MaxFailedAccessAttempts)
            {
                return SignInResult.Failed;
            }
            failures.Count = 0;
            failures.LockedUntil = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
            return SignInResult.LockedOut;
        }
    }

    public void Dispose() => _failures.Dispose();

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
