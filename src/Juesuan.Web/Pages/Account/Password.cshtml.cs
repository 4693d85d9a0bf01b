using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>修改密码: the signed-in account changes its own password (the administrator's one-time password first of all).</summary>
public sealed class PasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel
{
    public string? Message { get; private set; }

    public bool Succeeded { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string current, string @new, string again)
    {
        if (@new != again)
        {
            Message = "两次输入的新密码不一致。";
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await users.ChangePasswordAsync(user, current, @new);
        if (!changed.Succeeded)
        {
            Message = "未能修改：" + string.Join("；", changed.Errors.Select(e => e.Description));
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Succeeded = true;
        Message = "密码已修改。";
        return Page();
    }
}
