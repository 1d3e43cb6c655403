using System.Text.Json.Serialization;
using Site.Checker;
using Site.Search;

namespace Site.Json;

/// <summary>
/// Serialization code for every JSON value the build writes with <see cref="System.Text.Json.JsonSerializer"/>,
/// generated at compile time, so the generator needs no reflection and runs compiled ahead of time (Native AOT).
/// Each writer makes its own instance with the options (naming, escaping) its output needs.
/// </summary>
[JsonSerializable(typeof(CheckerPageData.PageJson))]
[JsonSerializable(typeof(WriteSearchIndex.SearchMetaJson))]
// The JSON-LD is a dictionary of objects: each value is written by its own type, so both must be here.
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class SiteJsonContext : JsonSerializerContext;
