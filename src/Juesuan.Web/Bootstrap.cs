using System.Security.Cryptography;
using Juesuan.Application;
using Microsoft.AspNetCore.Identity;

namespace Juesuan.Web;

/// <summary>
/// First start: the store and the account tables are created, the roles exist, an administrator is made (its one-time
/// password printed, or taken from Juesuan:AdminPassword), the example department-year is loaded into an empty store
/// so the first screen is not empty, and uploads a restart interrupted are scheduled again.
/// </summary>
internal static class Bootstrap
{
    /// <summary>The administrator made on first start.</summary>
    public const string AdministratorName = "admin";

    public static async Task RunAsync(IServiceProvider services, ILogger logger)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var settings = provider.GetRequiredService<WorkbenchSettings>();
        var library = provider.GetRequiredService<Library>();
        var store = await library.StoreAsync().ConfigureAwait(false);
        await IdentityRegistration.EnsureTablesAsync(provider.GetRequiredService<WorkbenchDbContext>()).ConfigureAwait(false);

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
                    await library.SaveAuditAsync(saved.Key, provider.GetRequiredService<Audits>().Audit(loaded), "示例").ConfigureAwait(false);
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
