using System.Security.Claims;
using Juesuan.Application;

namespace Juesuan.Web;

/// <summary>
/// Who may see what: administrators and reviewers every department-year; a preparer (编制人员) only those of the
/// organisation their account is bound to. Anything else is answered as if it did not exist (404), so a preparer
/// cannot learn what other organisations have stored.
/// </summary>
public sealed class Access(Library library)
{
    /// <summary>The claim binding an account to its organisation (the store's organisation id).</summary>
    public const string OrganisationClaim = "juesuan:organisation";

    /// <summary>True for accounts that review (审核员, 管理员): they see every organisation, decide on findings and sign off.</summary>
    public static bool CanReview(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Reviewer);
    }

    /// <summary>The organisation a preparer is bound to; null for accounts that see everything.</summary>
    public static long? ScopeOf(ClaimsPrincipal user)
    {
        if (CanReview(user))
        {
            return null;
        }

        // A preparer without an organisation sees nothing (-1 names none).
        return long.TryParse(user.FindFirstValue(OrganisationClaim), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
    }

    /// <summary>True when <paramref name="user"/> may see the department-year <paramref name="key"/>.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken = default)
    {
        if (ScopeOf(user) is not { } scope)
        {
            return true;
        }

        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        return await store.DepartmentOfAsync(key, cancellationToken).ConfigureAwait(false) == scope;
    }
}
