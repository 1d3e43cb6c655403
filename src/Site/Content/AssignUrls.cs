using Site.Pipelines;

namespace Site.Content;

/// <summary>Clean URLs: <c>aftercare.md</c> is written to <c>aftercare/index.html</c> and linked as <c>aftercare/</c>.</summary>
public sealed class AssignUrls : DocumentModule
{
    public override void Process(Document document, BuildContext context)
    {
        var (url, output) = UrlFor(document.RelativePath);
        document.Url = url;
        document.OutputPath = output;
    }

    public static (string Url, string OutputPath) UrlFor(string relativePath)
    {
        var withoutExtension = relativePath[..^Path.GetExtension(relativePath).Length];
        var folder = withoutExtension == "index" ? ""
            : withoutExtension.EndsWith("/index", StringComparison.Ordinal) ? withoutExtension[..^"index".Length]
            : withoutExtension + "/";
        return (folder, folder + "index.html");
    }
}
