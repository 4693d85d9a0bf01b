using Juesuan.Application;
using Quartz;

namespace Juesuan.Web;

/// <summary>Schedules the processing of uploads on Quartz.NET: one job per upload, run on the worker pool as soon as possible.</summary>
public sealed class UploadJobs(ISchedulerFactory schedulers)
{
    /// <summary>Schedules upload <paramref name="id"/>; a job already scheduled for it is left alone.</summary>
    public async Task ScheduleAsync(long id, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<ProcessUploadJob>().WithIdentity($"upload-{id}", "uploads").UsingJobData(ProcessUploadJob.UploadKey, id).Build();
        if (await scheduler.Exists(job.Key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var trigger = TriggerBuilder.Create().WithIdentity($"upload-{id}", "uploads").StartNow().Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
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
        var done = await uploads.ProcessAsync(id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("上传 {Id} 处理结束：{State}", id, done?.State ?? "已由其他进程处理");
    }
}
