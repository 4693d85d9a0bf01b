using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Juesuan.TestSupport;

namespace Juesuan.Web.Tests;

/// <summary>
/// Review across many (issue 18) in the workbench: the queue most severe first, bulk assignment, a finding's thread
/// between reviewer and preparer, a re-audit of everything as a background job with its note, the remediation notice.
/// </summary>
public sealed partial class WorkbenchTests
{
    [Fact]
    public async Task Reviewers_work_the_queue_and_a_preparer_answers_on_the_finding()
    {
        using var admin = await SignedInAsync();
        var home = await admin.GetStringAsync("/");
        using (var form = new MultipartFormDataContent { { new StringContent(Forms.Token(home)), "__RequestVerificationToken" } })
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", "zhenan-2023.json"))), "files", "镇安.json");
            await admin.PostAsync("/?handler=Upload", form);
        }

        var zhenan = await WaitForKeyAsync(admin, "镇安.json");

        // The queue: 镇安 with its errors before the example department, which has none.
        var queue = await admin.GetStringAsync("/Queue");
        var zhenanRow = queue.IndexOf($"data-key=\"{zhenan}\"", StringComparison.Ordinal);
        var qingshiRow = queue.IndexOf("data-key=\"青石县医疗保障局/2024\"", StringComparison.Ordinal);
        Assert.True(zhenanRow > 0 && qingshiRow > zhenanRow, "the document with errors comes first");

        // Both assigned to the administrator at once; 「只看分配给我的」 then lists them.
        var assign = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Forms.Token(queue)), new("keys", zhenan), new("keys", "青石县医疗保障局/2024"), new("reviewer", "admin"),
        ]);
        var assigned = await admin.PostAsync("/Queue?handler=Assign", assign);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var mine = await admin.GetStringAsync("/Queue?mine=true");
        Assert.Contains("已把 2 份材料分配给 admin", mine, StringComparison.Ordinal);
        Assert.Contains($"data-key=\"{zhenan}\"", mine, StringComparison.Ordinal);
        Assert.Contains("审核人</dt><dd>admin", await admin.GetStringAsync($"/Report?key={Uri.EscapeDataString(zhenan)}"), StringComparison.Ordinal);

        // The reviewer's remark on a finding, the preparer's answer under it; the queue shows whose turn it is.
        var report = await admin.GetStringAsync($"/Report?key={Uri.EscapeDataString(zhenan)}");
        var fingerprint = FingerprintPattern().Match(report).Groups[1].Value;
        var remark = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(report), ["key"] = zhenan, ["revision"] = "1", ["fingerprint"] = fingerprint, ["text"] = "请核对表 05 与情况说明",
        });
        var remarked = await admin.PostAsync("/Report?handler=Comment", remark);
        Assert.True(remarked.StatusCode == HttpStatusCode.Redirect, $"{remarked.StatusCode}: {await remarked.Content.ReadAsStringAsync()}");
        Assert.Contains("待答复", await admin.GetStringAsync("/Queue"), StringComparison.Ordinal);

        var users = await admin.GetStringAsync("/Admin/Users");
        var organisation = OptionPattern().Matches(users).Single(m => m.Groups[2].Value == "镇安县医疗保障局").Groups[1].Value;
        await admin.PostAsync("/Admin/Users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(users), ["UserName"] = "zhenan-clerk", ["Password"] = "Clerk-password-1", ["Role"] = "编制人员", ["Organisation"] = organisation,
        }));
        using var clerk = Client();
        await Forms.SignInAsync(clerk, "zhenan-clerk", "Clerk-password-1");
        var own = await clerk.GetStringAsync($"/Report?key={Uri.EscapeDataString(zhenan)}");
        Assert.Contains("请核对表 05 与情况说明", own, StringComparison.Ordinal);
        var refused = await clerk.GetAsync("/Queue");
        // Refused as forbidden, not sent to sign in again: a 403, or the redirect to the access-denied page.
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) == true),
            $"{refused.StatusCode} {refused.Headers.Location}");
        Assert.DoesNotContain("待审核的材料", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answer = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(own), ["key"] = zhenan, ["revision"] = "1", ["fingerprint"] = fingerprint, ["text"] = "已更正，重新上传",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/Report?handler=Comment", answer)).StatusCode);
        var thread = await admin.GetStringAsync($"/Report?key={Uri.EscapeDataString(zhenan)}");
        Assert.Contains("编制单位答复（zhenan-clerk", thread, StringComparison.Ordinal);
        Assert.Contains("已答复", await admin.GetStringAsync("/Queue"), StringComparison.Ordinal);

        // A re-audit of everything runs as a job; its note is shown when done.
        var before = await admin.GetStringAsync("/Queue");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Queue?handler=Reaudit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.Token(before) }))).StatusCode);
        var after = string.Empty;
        for (var attempt = 0; attempt < 120 && !after.Contains("完成，", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250);
            after = await admin.GetStringAsync("/Queue");
        }

        Assert.Contains("完成，2 份，0 份有变化", after, StringComparison.Ordinal);
        Assert.Contains("按现行规则重新审核 2 份材料，0 份的结果有变化。", after, StringComparison.Ordinal);

        // The notice for 镇安's year: its open findings, as a Word document.
        var notice = await admin.GetAsync($"/Queue?handler=Notice&department={organisation}&noticeYear=2023&issuer=某县财政局");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await notice.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("关于镇安县医疗保障局2023年度决算公开材料问题整改的通知", text, StringComparison.Ordinal);
        Assert.Contains("需要更正的问题", text, StringComparison.Ordinal);
    }
}
