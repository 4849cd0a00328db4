using Hangfire.Dashboard;

namespace CityScreen.Server.Security;

/// <summary>The Hangfire dashboard answers admins only; unlike Hangfire's default, being local is not enough.</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
