using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Apis;

namespace CityScreen.Server.Hubs;

/// <summary>
/// The hub's <c>indicators</c> message of one snapshot, built and serialized once and then written
/// as it is into every connection's frame. A thousand screens of the city each receive the same
/// snapshot; building the message (every indicator, the departments, the whistle board) and
/// serializing it per connection made the host do that work a thousand times per change.
/// </summary>
[JsonConverter(typeof(Writer))]
public sealed class IndicatorsPayload
{
    // Keyed on the snapshot object the feed hands to every watcher; gone with it.
    private static readonly ConditionalWeakTable<IndicatorSnapshot, IndicatorsPayload> Built = [];

    private readonly byte[] _utf8Json;

    private IndicatorsPayload(byte[] utf8Json) => _utf8Json = utf8Json;

    /// <summary>The message of <paramref name="snapshot"/>, serialized with the hub protocol's own options.</summary>
    public static IndicatorsPayload For(IndicatorSnapshot snapshot, JsonSerializerOptions hubOptions) =>
        Built.GetValue(snapshot, s => new IndicatorsPayload(JsonSerializer.SerializeToUtf8Bytes(IndicatorDto.Message(s), hubOptions)));

    private sealed class Writer : JsonConverter<IndicatorsPayload>
    {
        public override IndicatorsPayload Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The indicators message is only ever sent.");

        public override void Write(Utf8JsonWriter writer, IndicatorsPayload value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._utf8Json, skipInputValidation: true);
    }
}
