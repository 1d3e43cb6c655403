using Markdig.Syntax.Inlines;
using Markdig.Syntax;
using Site.Diagnostics;
using Site.Pipelines;

namespace Site.Content;

/// <summary>
/// Checks every link between pages and rewrites it: writers link to the markdown file
/// (<c>aftercare.md#ice</c>), readers get the page's URL under the base path (<c>/site/aftercare/#ice</c>).
/// A missing page, file or fragment is an error.
/// </summary>
public sealed class ResolveLinks : DocumentModule
{
    private LinkResolver? _resolver;

    public override void Prepare(IReadOnlyList<Document> documents, BuildContext context) =>
        _resolver = new LinkResolver(documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal),
            InputFiles.StaticFiles(context.Input).Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal), context);

    public override void Process(Document document, BuildContext context)
    {
        // A page that could not be parsed has no links to check.
        if (document.Syntax == null)
            return;
        foreach (var link in document.Syntax.Descendants<LinkInline>())
            _resolver!.Resolve(document, link);
    }

    /// <param name="files">The static files the site publishes: a link may only point at those.</param>
    private sealed class LinkResolver(Dictionary<string, Document> pages, HashSet<string> files, BuildContext context)
    {
        public void Resolve(Document doc, LinkInline link)
        {
            var url = link.Url;
            if (string.IsNullOrWhiteSpace(url) || UrlPolicy.Scheme(url) != null)
                return;
            var (line, column) = (link.Line + 1, link.Column + 1);
            var hash = url.IndexOf('#');
            var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
            var fragment = hash < 0 ? null : url[(hash + 1)..];

            if (path.Length == 0)
            {
                CheckFragment(doc, doc, fragment, line, column);
                return;
            }
            if (path.StartsWith('/'))
            {
                context.Error(doc, Codes.BrokenLink, line, column, $"the link '{url}' starts from the site root",
                    "link to the page's .md file relative to this page, for example 'aftercare.md'; the build adds the site's base path");
                return;
            }

            var target = Combine(doc.RelativePath, path);
            if (target == null)
            {
                context.Error(doc, Codes.BrokenLink, line, column, $"the link '{url}' points outside the site", "link to a page inside the input folder");
                return;
            }

            if (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                if (!pages.TryGetValue(target, out var page))
                {
                    context.Error(doc, Codes.BrokenLink, line, column, $"the link '{url}' points to a page that does not exist ({target})",
                        Suggest(target) ?? "check the file name; links are relative to this page's folder");
                    return;
                }
                if (CheckFragment(doc, page, fragment, line, column))
                    link.Url = context.SiteUrl(page.Url!) + (fragment == null ? "" : "#" + fragment);
                return;
            }

            var pageForPath = pages.GetValueOrDefault(target.TrimEnd('/') + ".md") ?? pages.GetValueOrDefault(target.TrimEnd('/') + "/index.md");
            if (pageForPath != null)
            {
                context.Error(doc, Codes.BrokenLink, line, column, $"the link '{url}' points to a page's address",
                    $"link to the markdown file instead: '{Relative(doc.RelativePath, pageForPath.RelativePath)}'");
                return;
            }
            if (!files.Contains(target))
            {
                context.Error(doc, Codes.BrokenLink, line, column, $"the link '{url}' points to a file the site does not publish ({target})",
                    "check the file name; links are relative to this page's folder");
                return;
            }
            link.Url = context.SiteUrl(AssignUrls.EncodePath(target)) + (fragment == null ? "" : "#" + fragment);
        }

        private bool CheckFragment(Document doc, Document target, string? fragment, int line, int column)
        {
            if (string.IsNullOrEmpty(fragment) || target.Ids.Contains(fragment))
                return true;
            var known = target.Ids.Order(StringComparer.Ordinal).Take(12).ToList();
            context.Error(doc, Codes.BrokenFragment, line, column,
                $"'#{fragment}' is not a section or heading of {target.RelativePath}",
                known.Count == 0 ? "remove the '#…' part" : $"use one of: {string.Join(", ", known.Select(k => "#" + k))}");
            return false;
        }

        private string? Suggest(string target)
        {
            var name = Path.GetFileName(target);
            var same = pages.Keys.Where(k => string.Equals(Path.GetFileName(k), name, StringComparison.OrdinalIgnoreCase)).ToList();
            return same.Count == 0 ? null : $"a page with that name is at {string.Join(", ", same)}; links are relative to this page's folder";
        }
    }

    /// <summary>Resolves a relative path against a page's folder; null when it climbs out of the site.</summary>
    public static string? Combine(string fromPage, string relative)
    {
        var parts = new List<string>(fromPage.Split('/')[..^1]);
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        var joined = string.Join('/', parts);
        return relative.EndsWith('/') ? joined + "/" : joined;
    }

    private static string Relative(string fromPage, string toPage)
    {
        var folder = Path.GetDirectoryName(fromPage) ?? "";
        return Path.GetRelativePath(folder.Length == 0 ? "." : folder, toPage).Replace('\\', '/');
    }
}
