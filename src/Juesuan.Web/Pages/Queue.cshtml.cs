using Juesuan.Application;
using Juesuan.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// 审核队列: the documents not signed off, most severe first, with their reviewer and whose turn it is in the comments;
/// bulk assignment, a re-audit of everything after a rule update (a background job, its note of what changed shown),
/// and a department's remediation notice (整改通知) as DOCX. For reviewers.
/// </summary>
public sealed class QueueModel(ReviewQueue queue, ReauditJobs jobs, UserManager<IdentityUser> users, Library library, JuesuanOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public IReadOnlyList<string> Reviewers { get; private set; } = [];

    public IReadOnlyList<StoredReaudit> Reaudits { get; private set; } = [];

    public IReadOnlyList<StoredOrganisation> Departments { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        Items = await queue.ListAsync(Year, Mine ? User.Identity?.Name : null, ct);
        Reviewers = [.. (await users.GetUsersInRoleAsync(Roles.Reviewer)).Concat(await users.GetUsersInRoleAsync(Roles.Administrator))
            .Select(u => u.UserName).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        Reaudits = await queue.ReauditsAsync(3, ct);
        Departments = [.. (await library.OrganisationsAsync(ct)).Where(o => o.Level == "department")];
        Years = (await library.ListAsync(ct)).Select(s => s.Year).Distinct().OrderDescending().ToArray();
        return Page();
    }

    /// <summary>Assigns the checked documents to a reviewer (none: unassigns them).</summary>
    public async Task<IActionResult> OnPostAssignAsync(List<string> keys, string? reviewer, CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        if (!string.IsNullOrWhiteSpace(reviewer) && (await users.FindByNameAsync(reviewer) is not { } account
            || !(await users.IsInRoleAsync(account, Roles.Reviewer) || await users.IsInRoleAsync(account, Roles.Administrator))))
        {
            Done = $"「{reviewer}」不是审核员或管理员的账户，不能分配。";
        }
        else
        {
            var count = keys.Count == 0 ? 0 : await queue.AssignAsync(keys, reviewer, User.Identity!.Name!, ct);
            Done = keys.Count == 0 ? "请先勾选要分配的材料。" : string.IsNullOrWhiteSpace(reviewer) ? $"已取消 {count} 份材料的分配。" : $"已把 {count} 份材料分配给 {reviewer}。";
        }

        return RedirectToPage(new { year = Year, mine = Mine });
    }

    /// <summary>Re-audits every stored document in the background (after a rule update).</summary>
    public async Task<IActionResult> OnPostReauditAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        var id = await queue.StartReauditAsync(User.Identity?.Name, ct);
        await jobs.ScheduleAsync(id, User.Identity?.Name, ct);
        Done = "已开始按现行规则重新审核全部材料，完成后下方列出结果有变化的材料。";
        return RedirectToPage(new { year = Year, mine = Mine });
    }

    /// <summary>A department's remediation notice for a year as DOCX.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(long department, int noticeYear, string? issuer, string? number, DateOnly? deadline, CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        if (issuer?.Length > 60 || number?.Length > 60)
        {
            return Missing("发文单位和文号各不超过 60 字。", 400);
        }

        var notice = await queue.NoticeAsync(department, noticeYear, string.IsNullOrWhiteSpace(issuer) ? "财政局" : issuer, number, BeijingTime.Today(options.Clock), deadline, ct);
        if (notice is null)
        {
            return Missing("没有这个部门（整改通知按部门出具）。");
        }

        var stream = new MemoryStream();
        Letters.WriteDocx(notice, stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"整改通知-{notice.Addressee}-{noticeYear}.docx");
    }

    /// <summary>A plain answer in words for a request that cannot be served.</summary>
    internal static ContentResult Missing(string text, int status = 404) => new() { StatusCode = status, Content = text, ContentType = "text/plain; charset=utf-8" };
}
