using Juesuan.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Juesuan.Web;

/// <summary>Accounts and roles (ASP.NET Core Identity) in the same database as the store.</summary>
public sealed class WorkbenchDbContext(DbContextOptions<WorkbenchDbContext> options) : IdentityDbContext<IdentityUser>(options);

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
                o.UseNpgsql(settings.Store.ConnectionString);
            }
            else
            {
                o.UseSqlite($"Data Source={settings.Store.DatabasePath}");
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
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/Login";
            o.Cookie.Name = "juesuan";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>Creates the Identity tables in the store's database when they are not there yet.</summary>
    public static async Task EnsureTablesAsync(WorkbenchDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsNpgsql()
                ? "SELECT CASE WHEN to_regclass('\"AspNetUsers\"') IS NULL THEN 0 ELSE 1 END"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
            if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                return;
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken).ConfigureAwait(false);
    }
}
