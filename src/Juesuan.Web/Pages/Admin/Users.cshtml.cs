using System.Security.Claims;
using Juesuan.Application;
using Juesuan.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages.Admin;

/// <summary>账户 (administrators only): the accounts, their roles and, for preparers, the organisation they are bound to.</summary>
public sealed class UsersModel(UserManager<IdentityUser> users, Library library) : PageModel
{
    public IReadOnlyList<StoredOrganisation> Departments { get; private set; } = [];

    public IReadOnlyList<(string Name, IReadOnlyList<string> Roles, string Organisation)> Accounts { get; private set; } = [];

    public List<(string Text, bool Error)> Messages { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string userName, string password, string role, long? organisation, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Roles.All.Contains(role))
        {
            Messages.Add(("未知的角色。", true));
            return Page();
        }

        if (role == Roles.Preparer && Departments.All(d => d.Id != organisation))
        {
            Messages.Add(("编制人员须选择所属单位。", true));
            return Page();
        }

        var user = new IdentityUser(userName.Trim());
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            Messages.Add(("未能新建：" + string.Join("；", created.Errors.Select(e => e.Description)), true));
            return Page();
        }

        await users.AddToRoleAsync(user, role);
        if (organisation is { } id && role == Roles.Preparer)
        {
            await users.AddClaimAsync(user, new Claim(Access.OrganisationClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Messages.Add(($"已新建账户 {user.UserName}（{role}）。", false));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var organisations = await library.OrganisationsAsync(ct);
        Departments = organisations.Where(o => o.Level == "department").ToArray();
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var accounts = new List<(string, IReadOnlyList<string>, string)>();
        foreach (var user in users.Users.OrderBy(u => u.UserName).ToList())
        {
            var claims = await users.GetClaimsAsync(user);
            var org = claims.FirstOrDefault(c => c.Type == Access.OrganisationClaim)?.Value;
            var orgName = long.TryParse(org, System.Globalization.CultureInfo.InvariantCulture, out var id) && names.TryGetValue(id, out var n) ? n : "（不限）";
            accounts.Add((user.UserName ?? string.Empty, (await users.GetRolesAsync(user)).ToArray(), orgName));
        }

        Accounts = accounts;
    }
}
