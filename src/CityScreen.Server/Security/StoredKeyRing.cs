using System.Xml.Linq;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CityScreen.Server.Security;

/// <summary>
/// ASP.NET Data Protection's key ring in the store (<see cref="DataProtectionKeyStore"/>): the
/// SQLite file of an embedded host, or the PostgreSQL database all hosts of a cluster share, so a
/// sign-in form or a single sign-on round trip started on one host completes on another. The keys
/// are as safe as the database, which already holds every credential's hash.
/// </summary>
public sealed class StoredKeyRing(DataProtectionKeyStore store) : IXmlRepository
{
    /// <summary>The same on every host: Data Protection otherwise isolates apps by their content root.</summary>
    public const string ApplicationName = "CityScreen";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ReadAllAsync().GetAwaiter().GetResult().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddAsync(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName,
            element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((o, keys) => o.XmlRepository = new StoredKeyRing(keys));
    }
}
