using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Content;
using Site.Json;
using Site.Settings;

namespace Site.Layout;

/// <summary>
/// schema.org <c>MedicalWebPage</c> JSON-LD, made from the front matter so it cannot disagree with what the
/// page shows. The default encoder escapes <c>&lt;</c>, so no value can close the script element.
/// </summary>
public static class StructuredData
{
    private static readonly SiteJsonContext Context = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });

    public static string MedicalWebPage(FrontMatter page, string url, SiteSettings site) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = page.Title,
            ["description"] = page.Description,
            ["url"] = url,
            ["inLanguage"] = site.Language,
            ["lastReviewed"] = RenderLayout.Iso(page.LastReviewed),
            ["reviewedBy"] = new Dictionary<string, string> { ["@type"] = "Person", ["name"] = page.ReviewedBy },
            ["author"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = page.Author },
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "MedicalClinic", ["name"] = site.Clinic.Name },
            ["medicalAudience"] = new Dictionary<string, string> { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" },
        }, Context.DictionaryStringObject);
}
