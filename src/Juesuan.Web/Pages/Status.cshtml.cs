using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// 状态页: what a browser is shown, inside the workbench and in Chinese, when a page is not there, is not this account's
/// to see (told apart from "not there" by nothing, so a report's existence is not given away), cannot be answered or
/// failed — instead of the browser's own blank error page with no way back. Reached by re-execution only
/// (<c>UseStatusCodePagesWithReExecute</c>, <c>UseExceptionHandler</c>), for requests that accept HTML.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>The status code the original request ended with.</summary>
    public int Code { get; private set; }

    /// <summary>The heading.</summary>
    public string Heading { get; private set; } = string.Empty;

    /// <summary>What happened and what to do, in a clerk's words.</summary>
    public string Explanation { get; private set; } = string.Empty;

    /// <summary>
    /// Works out what to say, before the page is written (called from the page itself, so whatever the method of the
    /// request re-executed here — a GET, a POST, a PUT no handler takes): the failure, else the original status, else
    /// <c>?code=</c>, kept within 400–599.
    /// </summary>
    public void Describe()
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var asked = int.TryParse(Request.Query["code"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given) ? given : (int?)null;
        Code = failed ? StatusCodes.Status500InternalServerError
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? asked ?? Response.StatusCode;
        if (Code is < 400 or > 599)
        {
            // Asked for directly, or with a code no failure has: said as a page not there.
            Code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = Code;
        (Heading, Explanation) = Code switch
        {
            StatusCodes.Status404NotFound => ("找不到这一页",
                "地址可能有误，或者这份材料已被删除、已按新的名称归档，也可能您的账户无权查看它（编制人员只能看到本单位的材料）。"),
            StatusCodes.Status400BadRequest => ("无法处理这次提交",
                "页面可能已经过期（例如在另一个窗口中退出或重新登录过），请回到上一页，刷新后再试一次；如果是在上传文件，也可能是一次上传的文件总量超过了服务器允许的大小，请分几次上传。"),
            StatusCodes.Status405MethodNotAllowed => ("无法处理这次提交", "这个地址不接受这种操作。请从页面上的按钮或链接进入。"),
            StatusCodes.Status413PayloadTooLarge => ("上传的内容太大", "一次上传的文件总量超过了服务器允许的大小。请分几次上传，或把文件打成 zip 包。"),
            >= 500 => ("服务器出错了", "这次操作没有完成，错误已记入服务器日志。请稍后重试；如果一直出错，请把时间和操作告诉管理员。"),
            _ => ("无法完成这次请求", "请回到上一页再试一次。"),
        };
    }
}
