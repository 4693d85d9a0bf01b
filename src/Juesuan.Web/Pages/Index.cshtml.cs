using Juesuan.Application;
using Juesuan.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>报告与上传: upload files (each queued as a background job), follow them, open the stored department-years.</summary>
public sealed class IndexModel(Library library, Uploads uploads, UploadJobs jobs) : PageModel
{
    public IReadOnlyList<StoredUpload> UploadList { get; private set; } = [];

    public IReadOnlyList<StoredSummary> Stored { get; private set; } = [];

    /// <summary>Uploads waiting for a reviewer to confirm their organisation (reviewers only).</summary>
    public IReadOnlyList<StoredUpload> Pending { get; private set; } = [];

    /// <summary>The organisations to choose from when confirming.</summary>
    public IReadOnlyList<StoredOrganisation> Organisations { get; private set; } = [];

    public List<(string Text, bool Error)> Messages { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            Messages.Add(("请选择要上传的文件。", true));
        }

        var scope = Access.ScopeOf(User);
        if (scope is < 0)
        {
            Messages.Add(("你的账户还没有绑定单位，不能上传；请管理员在「账户」中绑定。", true));
            files = [];
        }

        foreach (var file in files)
        {
            // The name is only shown and used for its ending; never as a path.
            var name = Path.GetFileName(file.FileName);
            await using var content = file.OpenReadStream();
            foreach (var outcome in await uploads.EnqueueAsync(content, name, User.Identity?.Name, scope, ct))
            {
                if (outcome.Refusal is { } refusal)
                {
                    Messages.Add((refusal, true));
                }
                else if (outcome.Duplicate)
                {
                    Messages.Add(($"{outcome.Name} 与已上传的「{outcome.Upload!.FileName}」内容相同，未重复处理。", false));
                }
                else
                {
                    await jobs.ScheduleAsync(outcome.Upload!.Id, ct);
                    Messages.Add(($"已上传 {outcome.Name}，正在后台读取和审核。", false));
                }
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A reviewer's choice of organisation for a waiting upload (and, when asked, every one printing the same name).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(long id, long organisation, bool allSimilar, CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        var queued = await uploads.ConfirmAsync(id, organisation, allSimilar, ct);
        foreach (var upload in queued)
        {
            await jobs.ScheduleAsync(upload, ct, again: true);
        }

        Messages.Add(queued.Count == 0 ? ("未确认：这份上传已不在待确认之列（可能已被他人确认），或没有选择部门或单位。", true) : ($"已确认归属，{queued.Count} 份报告正在重新处理。", false));
        await LoadAsync(ct);
        return Page();
    }

    // A preparer sees their own uploads and their organisation's department-years; reviewers and administrators all.
    private async Task LoadAsync(CancellationToken ct)
    {
        var store = await library.StoreAsync(ct);
        var scope = Access.ScopeOf(User);
        UploadList = await uploads.ListAsync(scope is null ? null : User.Identity?.Name ?? string.Empty, cancellationToken: ct);
        var stored = await library.ListAsync(ct);
        if (scope is { } organisation)
        {
            var own = await store.KeysOfAsync(organisation, ct);
            stored = stored.Where(s => own.Contains(s.Key)).ToArray();
        }

        Stored = stored;
        if (scope is null)
        {
            Pending = await uploads.PendingAsync(ct);
            Organisations = Pending.Count == 0 ? [] : await library.OrganisationsAsync(ct);
        }
    }
}
