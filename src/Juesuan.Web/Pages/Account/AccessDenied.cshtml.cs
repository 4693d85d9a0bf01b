using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>没有权限: a signed-in account asked for a page its role does not open (a preparer at the review queue).</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
