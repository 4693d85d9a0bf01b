using Quartz;
using Juesuan.Application;
using Juesuan.Web;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

// `--store postgres --connection …`, `--db FILE`, `--reference DIR`, as the CLI takes them; or the Juesuan section of configuration.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--store"] = "Juesuan:Store", ["--db"] = "Juesuan:Db", ["--connection"] = "Juesuan:Connection", ["--reference"] = "Juesuan:Reference",
});
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var settings = WorkbenchSettings.From(builder.Configuration);

// A request may carry several files up to the import limit each: the server refuses only what no upload could be, and
// a file over the limit gets the import's own Chinese refusal instead of a bare 413.
var requestLimit = Juesuan.Formats.ImportLimits.Current.FileBytes * 20;
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = requestLimit);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = requestLimit);
builder.Services.AddSingleton(settings);
builder.Services.AddJuesuan(o =>
{
    o.Store = settings.Store;
    o.CreateStore = true;
    o.Reference = settings.Reference;
});
builder.Services.AddWorkbenchIdentity(settings);
// Chinese text is written as text, not as &#x…; escapes.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAuthorizationBuilder().AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AuthorizeFolder("/Admin", Roles.Administrator);
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Status");
});
builder.Services.AddWorkbenchJobs(settings);
builder.Services.AddSingleton<Access>();
builder.Services.AddHostedService<BrowserWarmup>();
builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddQuartz(o => o.Name = "jobs");

var app = builder.Build();
await Bootstrap.RunAsync(app.Services, app.Logger);

// A browser is shown a page of the workbench in Chinese (状态页) when a page is not there, not this account's, cannot be
// answered or failed, never the browser's own blank error page; what scripts fetch keeps its bare status.
app.UseWhen(c => c.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true), page =>
{
    if (!app.Environment.IsDevelopment())
    {
        // In development the developer exception page shows the failure itself.
        page.UseExceptionHandler("/Status");
    }

    page.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
});

// Wrapped by the error pages, so the page shown for a failed request (its response cleared) is given the headers again.
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = Endpoints.WriteHealthAsync }).AllowAnonymous();
app.MapWorkbenchEndpoints();
await app.RunAsync();

/// <summary>The web workbench's entry point (public for the integration tests' WebApplicationFactory).</summary>
public partial class Program;
