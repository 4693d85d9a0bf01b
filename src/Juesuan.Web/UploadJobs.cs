using Juesuan.Application;
using Juesuan.Storage;
using Quartz;

namespace Juesuan.Web;

/// <summary>
/// The job engine (Quartz.NET). On the embedded SQLite store it keeps its schedule in memory — there is one process,
/// and on start <see cref="Bootstrap"/> puts back in the queue what a restart interrupted. On PostgreSQL it is a clustered
/// ADO job store in the same database: any number of workbench processes, on one machine or many, share one queue; the
/// jobs of a process that dies are run again by another (jobs ask for recovery), and the store's claim
/// (<see cref="DepartmentYearStore.ClaimUploadAsync"/>) lets only one worker take an upload.
/// </summary>
internal static class JobEngine
{
    /// <summary>The scheduler's name, the same in every process of one cluster.</summary>
    public const string SchedulerName = "juesuan";

    public static IServiceCollection AddWorkbenchJobs(this IServiceCollection services, WorkbenchSettings settings)
    {
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = settings.Workers);
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                // Another process's new job is seen within a second, not the default half minute.
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
                if (settings.Store.Provider != StoreProvider.Postgres)
                {
                    // The name an upload records as its worker; clustered processes generate theirs.
                    s.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}";
                }
            });
            if (settings.Store.Provider == StoreProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(settings.Store.ConnectionString!);
                    store.UseSystemTextJsonSerializer();
                    // Quartz's own tables (qrtz_*) are made by Quartz on first start, beside the store's.
                    store.ProvisionSchema();
                    // A job a shutdown interrupts is handed back for another process, as a crash's is.
                    store.ConfigureStore(o => o.RecoverFiringsCancelledByShutdown = true);
                    // A process silent for three check-ins is taken for dead: one slow pause is not enough (and should
                    // it happen, the store's claim keeps the slow worker from saving over the one that took over).
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.ClusterCheckin;
                        c.CheckinMisfireThreshold = settings.ClusterCheckin * 2;
                    });
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<UploadJobs>();
        services.AddSingleton<ReauditJobs>();
        return services;
    }
}

/// <summary>Schedules the processing of uploads: one job per upload, run on the worker pool as soon as possible.</summary>
public sealed class UploadJobs(ISchedulerFactory schedulers)
{
    /// <summary>
    /// Schedules upload <paramref name="id"/>; a job already scheduled for it (by this process or another) is left alone.
    /// <paramref name="again"/> (a confirmed upload queued once more) schedules a job of its own, even while the first is
    /// still finishing: the store's claim lets only one of them take the upload.
    /// </summary>
    public async Task ScheduleAsync(long id, CancellationToken cancellationToken = default, bool again = false)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var name = again ? $"upload-{id}-{Guid.NewGuid():N}" : $"upload-{id}";
        var job = JobBuilder.Create<ProcessUploadJob>().WithIdentity(name, "uploads").UsingJobData(ProcessUploadJob.UploadKey, id)
            .RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, "uploads").StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another process (or an earlier start) scheduled it first: its job will run, once.
        }
    }
}

/// <summary>Reads, stores and audits one upload (<see cref="Uploads.ProcessAsync"/>); a failure is the upload's state, never the job's.</summary>
public sealed class ProcessUploadJob(Uploads uploads, ILogger<ProcessUploadJob> logger) : IJob
{
    /// <summary>The job data key of the upload id.</summary>
    public const string UploadKey = "upload";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.MergedJobDataMap.TryGetValue(UploadKey, out var value) ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : throw new InvalidOperationException("An upload job without its upload id.");
        var worker = context.Scheduler.SchedulerInstanceId;
        if (context.Recovering)
        {
            logger.LogWarning("上传 {UploadId} 的处理进程已中断，由 {Worker} 接手", id, worker);
        }

        var done = await uploads.ProcessAsync(id, worker, context.Recovering, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("上传 {UploadId} 处理结束：{State}（{Worker}）", id, done?.State ?? "已由其他进程处理", worker);
    }
}

/// <summary>Schedules a re-audit of the whole store (after a rule update) as a background job.</summary>
public sealed class ReauditJobs(ISchedulerFactory schedulers)
{
    /// <summary>Schedules re-audit <paramref name="id"/> (its record made by <see cref="ReviewQueue.StartReauditAsync"/>), started by <paramref name="by"/>.</summary>
    public async Task ScheduleAsync(long id, string? by, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<ReauditJob>().WithIdentity($"reaudit-{id}", "reaudits")
            .UsingJobData(ReauditJob.ReauditKey, id).UsingJobData(ReauditJob.ByKey, by ?? string.Empty).RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"reaudit-{id}", "reaudits").StartNow().Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Audits every stored document again and notes what changed (<see cref="ReviewQueue.ReauditAllAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ReauditJob(ReviewQueue queue, ILogger<ReauditJob> logger) : IJob
{
    /// <summary>The job data key of the re-audit's id.</summary>
    public const string ReauditKey = "reaudit";

    /// <summary>The job data key of who started it.</summary>
    public const string ByKey = "by";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = Convert.ToInt64(context.MergedJobDataMap[ReauditKey], System.Globalization.CultureInfo.InvariantCulture);
        var by = context.MergedJobDataMap.TryGetValue(ByKey, out var who) ? who as string : null;
        var outcome = await queue.ReauditAllAsync(id, string.IsNullOrEmpty(by) ? null : by, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("重新审核 {Reaudit} 完成：{Documents} 份，{Changed} 份有变化", id, outcome.Documents, outcome.Changed);
    }
}
