using Juesuan.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;

namespace Juesuan.Web;

/// <summary>
/// Accounts and roles (ASP.NET Core Identity) and the keys sign-in cookies and form tokens are protected with (ASP.NET
/// Core data protection), in the same database as the store — so every process sharing the store accepts the others'
/// sign-ins. The tables are the store's migration 0007 (<c>Juesuan.Storage/Migrations</c>), written from this model.
/// </summary>
public sealed class WorkbenchDbContext(DbContextOptions<WorkbenchDbContext> options) : IdentityDbContext<IdentityUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <inheritdoc />
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
}

/// <summary>The roles of the workbench.</summary>
public static class Roles
{
    /// <summary>管理员: accounts, roles, organisations.</summary>
    public const string Administrator = "管理员";

    /// <summary>审核员: reviews reports, signs off.</summary>
    public const string Reviewer = "审核员";

    /// <summary>编制人员: prepares their own organisation's reports.</summary>
    public const string Preparer = "编制人员";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, Reviewer, Preparer];
}

/// <summary>Registration of Identity on the store's database.</summary>
public static class IdentityRegistration
{
    /// <summary>Identity with EF Core on SQLite or PostgreSQL (the store's), cookie sign-in, lockout after failed logins.</summary>
    public static IServiceCollection AddWorkbenchIdentity(this IServiceCollection services, WorkbenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddDbContext<WorkbenchDbContext>(o =>
        {
            if (settings.Store.Provider == StoreProvider.Postgres)
            {
                o.UseNpgsql(settings.Store.OpenedWith);
            }
            else
            {
                o.UseSqlite(settings.Store.OpenedWith);
            }
        });
        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<WorkbenchDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        // One key ring for every process of the store: a sign-in or a form made on one is good on the others.
        services.AddDataProtection().PersistKeysToDbContext<WorkbenchDbContext>().SetApplicationName("juesuan");
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "juesuan";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }
}
