using Juesuan.Application;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Juesuan.Web;

/// <summary>The workbench's non-page endpoints: the kept original of a department-year, the uploads' states, headers every response carries.</summary>
internal static class Endpoints
{
    public static void MapWorkbenchEndpoints(this WebApplication app)
    {
        // The original a department-year was read from (the PDF the viewer draws); 404 when none was kept.
        app.MapGet("/documents/original", async (string key, HttpContext http, Library library, Access access, CancellationToken ct) =>
            await access.CanSeeAsync(http.User, key, ct) && await library.OriginalAsync(key, ct) is { } original
                ? Results.File(original.Content, original.Reader == "pdf" ? "application/pdf" : "application/octet-stream", fileDownloadName: original.Reader == "pdf" ? null : original.FileName)
                : Results.NotFound())
            .RequireAuthorization();

        // The latest uploads and their states, for the upload list to follow a job without reloading.
        app.MapGet("/uploads/states", async (HttpContext http, Uploads uploads, CancellationToken ct) =>
            Results.Json((await uploads.ListAsync(Access.ScopeOf(http.User) is null ? null : http.User.Identity?.Name ?? string.Empty, cancellationToken: ct))
                .Select(u => new { u.Id, u.FileName, u.State, StateName = Storage.UploadStates.Name(u.State), u.Message, u.Key, Finished = u.Settled })))
            .RequireAuthorization();
    }

    /// <summary>
    /// /health as JSON for a monitor: the overall status and each check's (store, jobs). What each check says (where the
    /// store is, what failed) only to a signed-in administrator: the endpoint itself needs no sign-in.
    /// </summary>
    public static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var detailed = context.User.IsInRole(Roles.Administrator);
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = detailed ? e.Value.Description ?? e.Value.Exception?.Message : null }),
        });
    }

    /// <summary>Headers that keep the pages from being framed, sniffed or mixed with other origins' scripts.</summary>
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; form-action 'self'";
        await next(context).ConfigureAwait(false);
    });
}

/// <summary>/health: the store answers (the job engine's check is Quartz's own).</summary>
internal sealed class StoreHealthCheck(Library library) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(library.Describe());
        }
        catch (Exception e) when (e is Storage.StoreException or IOException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
