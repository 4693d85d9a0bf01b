using Juesuan.Application;
using Juesuan.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// 组织机构: the bureau's regions, departments and units as a tree, imported from a list (XLSX or CSV, all or nothing,
/// each bad row named) and exported; the template to fill. For reviewers and administrators.
/// </summary>
public sealed class OrganisationsModel(Organisations organisations) : PageModel
{
    public IReadOnlyList<StoredOrganisation> All { get; private set; } = [];

    public List<(string Text, bool Error)> Messages { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        All = await organisations.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        if (file is null || Organisations.FormatOf(file.FileName) is null)
        {
            Messages.Add(("请选择组织机构清单（.xlsx 或 .csv）。", true));
        }
        else
        {
            var name = Path.GetFileName(file.FileName);
            await using var stream = file.OpenReadStream();
            var (bytes, error) = await Formats.InputFile.ReadBytesAsync(stream, name, cancellationToken: ct);
            if (bytes is null)
            {
                Messages.Add((error ?? $"{name} 无法读取。", true));
            }
            else
            {
                var (read, imported) = await organisations.ImportAsync(bytes, name, ct);
                if (imported is null)
                {
                    Messages.Add(($"{name} 有 {read.Problems.Count} 处问题，未导入任何组织；改正后重新上传：", true));
                    Messages.AddRange(read.Problems.Select(p => (p, true)));
                }
                else
                {
                    Messages.Add(($"已导入 {read.Entries.Count} 个组织（新增 {imported.Added}，更新 {imported.Updated}）。", false));
                }
            }
        }

        All = await organisations.ListAsync(ct);
        return Page();
    }

    /// <summary>The list as stored (to edit and import again), or the blank template.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? what, string? format, CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        var csv = format == "csv";
        var kind = csv ? OrganisationFileFormat.Csv : OrganisationFileFormat.Xlsx;
        var stream = new MemoryStream();
        if (what == "template")
        {
            await Organisations.TemplateAsync(stream, kind, ct);
        }
        else
        {
            await organisations.ExportAsync(stream, kind, ct);
        }

        var name = (what == "template" ? "组织机构清单模板" : "组织机构清单") + (csv ? ".csv" : ".xlsx");
        return File(stream.ToArray(), csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The organisations in tree order with their depth.</summary>
    public IEnumerable<(StoredOrganisation Organisation, int Depth)> Tree()
    {
        var children = All.ToLookup(o => o.ParentId);
        var ids = All.Select(o => o.Id).ToHashSet();
        IEnumerable<(StoredOrganisation, int)> Walk(StoredOrganisation o, int depth) =>
            children[o.Id].SelectMany(c => Walk(c, depth + 1)).Prepend((o, depth));
        return All.Where(o => o.ParentId is null || !ids.Contains(o.ParentId.Value)).SelectMany(o => Walk(o, 0));
    }
}
