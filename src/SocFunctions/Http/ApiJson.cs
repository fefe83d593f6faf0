using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocFunctions.Http;

/// <summary>The API's JSON conventions: camelCase names, enums as camelCase strings, nulls left out.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Request bodies: a misspelt property must not silently pass as "missing".
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
