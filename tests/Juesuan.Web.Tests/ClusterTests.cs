using Juesuan.Application;
using Juesuan.Domain.Reference;
using Juesuan.Storage;
using Juesuan.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Juesuan.Web.Tests;

/// <summary>
/// Several workbench processes against one PostgreSQL database (issue 15, item 7): real processes, a real server, the
/// clustered Quartz job store. They share one queue and process each upload exactly once; when a process dies in the
/// middle of a job, another takes the job over.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const string Password = "Cluster-test-2024";
    private readonly string _database = "juesuan_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private string? _server;
    private string _connection = string.Empty;

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("JUESUAN_TEST_PG") is { Length: > 0 } server ? server : null;
        if (_server is null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _connection = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task Two_worker_processes_share_one_queue_and_process_each_upload_exactly_once()
    {
        Paths.RequirePostgres();
        var files = ReportFiles();
        // Both start at once on the empty database: one makes the schema, the accounts and the administrator, then the other.
        var started = await Task.WhenAll(NodeAsync(), NodeAsync());
        using var first = started[0];
        using var second = started[1];
        await using var web = Scheduling();
        var uploads = web.GetRequiredService<Uploads>();
        var jobs = web.GetRequiredService<UploadJobs>();

        // Queued as the web page does it: into the store, then a job into the shared schedule; either process may run it.
        var ids = new List<long>();
        foreach (var (name, content) in files)
        {
            var outcome = Assert.Single(await uploads.EnqueueAsync(new MemoryStream(content), name, "审核员甲"));
            Assert.Null(outcome.Refusal);
            ids.Add(outcome.Upload!.Id);
        }

        // The first upload's row is held, so whichever process takes it waits there and the other must do the rest:
        // both take part, whatever the timing.
        await using var holder = new NpgsqlConnection(_connection);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM uploads WHERE id = @id FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("id", ids[0]);
            await lockRow.ExecuteScalarAsync();
        }

        foreach (var id in ids)
        {
            await jobs.ScheduleAsync(id);
        }

        var store = await web.GetRequiredService<Library>().StoreAsync();
        await WaitAsync(store, ids[1..], TimeSpan.FromMinutes(3));
        await hold.RollbackAsync();
        var finished = await WaitAsync(store, ids, TimeSpan.FromMinutes(1));
        Assert.All(finished, u => Assert.Equal(1, u.Attempts));
        Assert.All(finished, u => Assert.Equal(UploadStates.Done, u.State));
        Assert.Equal(2, finished.Select(u => u.Worker).Distinct().Count());
        foreach (var key in finished.Select(u => u.Key!).Distinct())
        {
            Assert.Equal(1, (await store.FindAsync(key))!.Revision);
        }

        // A sign-in made on one process is good on the other (one data-protection key ring, in the database).
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false });
        var signedIn = await Forms.SignInAsync(browser, "admin", Password, first.Url);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var elsewhere = await browser.GetAsync($"{second.Url}/");
        Assert.Equal(System.Net.HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Contains(finished[0].FileName, await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Each process says it finished only the uploads it took.
        foreach (var upload in finished)
        {
            // Said after the state is written, and read as it comes: waited for until said once at least.
            int Said() => first.Output.Concat(second.Output).Count(l => l.Contains($"上传 {upload.Id} 处理结束：done", StringComparison.Ordinal));
            await WaitForAsync(() => Task.FromResult(Said() > 0), TimeSpan.FromSeconds(30), $"upload {upload.Id} to be said finished");
            Assert.True(Said() == 1, $"上传 {upload.Id}（{upload.FileName}）处理结束 was said {Said()} times");
        }
    }

    [SkippableFact]
    public async Task An_upload_whose_worker_dies_in_the_middle_is_taken_over_by_another_process()
    {
        Paths.RequirePostgres();
        var (name, content) = ReportFiles().First(f => f.Name.StartsWith("zhenan", StringComparison.Ordinal));
        long id;
        await using (var web = Scheduling())
        {
            id = Assert.Single(await web.GetRequiredService<Uploads>().EnqueueAsync(new MemoryStream(content), name, "审核员甲")).Upload!.Id;
        }

        // Hold the upload's row, so the first process's job stops in the middle — at its claim — and stays there.
        await using var holder = new NpgsqlConnection(_connection);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM uploads WHERE id = @id FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("id", id);
            await lockRow.ExecuteScalarAsync();
        }

        using var first = await NodeAsync();
        await using var watcher = new NpgsqlConnection(_connection);
        await watcher.OpenAsync();
        await WaitForAsync(async () =>
        {
            // Asked outside the holding transaction: a transaction sees one snapshot of pg_stat_activity.
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE uploads SET state = ''reading''%'", watcher);
            return Convert.ToInt64(await waiting.ExecuteScalarAsync()) == 1;
        }, TimeSpan.FromSeconds(60), "the first process's job to reach the upload");

        // The process dies with the job in hand (kill -9: no shutdown); then the row is free again.
        first.Kill();
        await hold.RollbackAsync();

        using var second = await NodeAsync();
        await using var check = Scheduling();
        var store = await check.GetRequiredService<Library>().StoreAsync();
        var done = Assert.Single(await WaitAsync(store, [id], TimeSpan.FromMinutes(2)));
        Assert.Equal(UploadStates.Done, done.State);
        // The process says so after it writes the state, and its output is read as it comes: waited for, not assumed
        // (a run saw the upload done before the line had been read).
        foreach (var line in new[] { $"上传 {id} 的处理进程已中断", $"上传 {id} 处理结束：done" })
        {
            await WaitForAsync(() => Task.FromResult(second.Output.Any(l => l.Contains(line, StringComparison.Ordinal))), TimeSpan.FromSeconds(30), $"the second process to say 「{line}」");
        }

        Assert.Equal(1, (await store.FindAsync(done.Key!))!.Revision);
    }

    // A workbench process on the shared database: one upload at a time, checking in every second.
    private Task<WorkbenchProcess> NodeAsync() => WorkbenchProcess.StartAsync("--store", "postgres", "--connection", _connection,
        "--Juesuan:AdminPassword", Password, "--Juesuan:LoadExample", "false", "--Juesuan:Workers", "1", "--Juesuan:ClusterCheckinSeconds", "1", "--Juesuan:WarmBrowser", "false");

    // What the web page uses to queue an upload, without a running scheduler of its own: it only schedules.
    private ServiceProvider Scheduling()
    {
        var settings = new WorkbenchSettings(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = _connection }, ReferenceData.Embedded, null, false);
        var services = new ServiceCollection().AddLogging();
        services.AddJuesuan(o =>
        {
            o.Store = settings.Store;
            o.CreateStore = true;
        });
        services.AddWorkbenchJobs(settings);
        return services.BuildServiceProvider();
    }

    private static async Task<IReadOnlyList<StoredUpload>> WaitAsync(DepartmentYearStore store, IReadOnlyList<long> ids, TimeSpan limit)
    {
        IReadOnlyList<StoredUpload> current = [];
        await WaitForAsync(async () =>
        {
            current = [.. (await store.UploadsAsync(1000)).Where(u => ids.Contains(u.Id))];
            return current.Count == ids.Count && current.All(u => u.Finished);
        }, limit, "every upload to finish");
        return current;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited {limit.TotalSeconds} s for {what}.");
            await Task.Delay(200);
        }
    }

    // Every real report we have, each a different department-year.
    private static IReadOnlyList<(string Name, byte[] Content)> ReportFiles()
    {
        var samples = Paths.RequireSamples();
        return [.. Directory.GetFiles(samples, "*.txt").Concat(Directory.GetFiles(Path.Combine(samples, "pdf"), "*.pdf")).Append(Paths.Example)
            .Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];
    }
}
