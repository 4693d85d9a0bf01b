using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using Juesuan.Application;
using Microsoft.AspNetCore.Identity;

namespace Juesuan.Web;

/// <summary>
/// First start: the store is created (its migrations make the account tables too), the roles exist, an administrator is made (its one-time
/// password printed, or taken from Juesuan:AdminPassword), the example department-year is loaded into an empty store
/// so the first screen is not empty, and uploads a restart interrupted are scheduled again.
/// </summary>
internal static class Bootstrap
{
    /// <summary>The administrator made on first start.</summary>
    public const string AdministratorName = "admin";

    // The PostgreSQL advisory lock processes starting together on one database take in turn (any constant of our own).
    private const long StartLock = 0x4A75_6573_7561_6E; // "Juesuan"

    public static async Task RunAsync(IServiceProvider services, ILogger logger)
    {
        var settings = services.GetRequiredService<WorkbenchSettings>();
        if (settings.Store.Provider != Storage.StoreProvider.Postgres)
        {
            await PrepareAsync(services, settings, logger).ConfigureAwait(false);
            return;
        }

        // Several processes may start at once on one database: the schema, the account tables and the administrator
        // are made by one of them at a time (a session lock, let go however this ends).
        await using var connection = new Npgsql.NpgsqlConnection(settings.Store.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        // Waited for however long the other's start takes (no command timeout).
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({StartLock})", connection) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        try
        {
            await PrepareAsync(services, settings, logger).ConfigureAwait(false);
        }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({StartLock})", connection);
            await release.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private static async Task PrepareAsync(IServiceProvider services, WorkbenchSettings settings, ILogger logger)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var library = provider.GetRequiredService<Library>();
        var store = await library.StoreAsync().ConfigureAwait(false);

        // The key ring sign-ins are protected with: made now, while no other process starts, so all share one key.
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("juesuan.start").Protect("start");

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }

        var users = provider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync(AdministratorName).ConfigureAwait(false) is null)
        {
            var password = settings.AdminPassword ?? "Js-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var admin = new IdentityUser(AdministratorName);
            var created = await users.CreateAsync(admin, password).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("无法创建管理员账户：" + string.Join("；", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRolesAsync(admin, [Roles.Administrator, Roles.Reviewer]).ConfigureAwait(false);
            if (settings.AdminPassword is null)
            {
                // Said once, where the person starting the server sees it.
                Console.WriteLine($"已创建管理员账户 {AdministratorName}，一次性密码：{password}（登录后点右上角的用户名修改）");
            }
        }

        if (settings.LoadExample && (await library.ListAsync().ConfigureAwait(false)).Count == 0)
        {
            var example = Path.Combine(AppContext.BaseDirectory, "examples", "qingshi-2024.json");
            if (File.Exists(example))
            {
                var loaded = provider.GetRequiredService<Reports>().ReadFile(example);
                if (loaded.Success)
                {
                    var saved = await library.SaveAsync(loaded, "示例").ConfigureAwait(false);
                    await library.SaveAuditAsync(saved, provider.GetRequiredService<Audits>().Audit(loaded), "示例").ConfigureAwait(false);
                }
            }
        }

        // The only process (the embedded store's in-memory schedule) puts back what a restart interrupted; where
        // processes share PostgreSQL, the job engine re-runs a dead one's jobs itself and another may be at work on
        // the rest. Either way a queued upload whose job was lost (stopped between queueing and scheduling) is scheduled.
        if (settings.Store.Provider != Storage.StoreProvider.Postgres)
        {
            await store.RequeueInterruptedUploadsAsync().ConfigureAwait(false);
        }

        var jobs = provider.GetRequiredService<UploadJobs>();
        foreach (var upload in await store.QueuedUploadsAsync().ConfigureAwait(false))
        {
            await jobs.ScheduleAsync(upload.Id).ConfigureAwait(false);
        }

        logger.LogInformation("决算工作台已就绪：存储 {Store}", library.Describe());
    }
}
