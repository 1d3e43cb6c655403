using System.Collections.Concurrent;
using Site.Checker;
using Site.Content;
using Site.Diagnostics;
using Site.Layout;
using Site.Model;
using Site.Pipelines;
using Site.Settings;

namespace Site.Links;

/// <summary>
/// The one link check, on the site model before anything is rendered: links between pages and their fragments,
/// the navigation entries, the checker's guidance links, and the site addresses the layouts write. A missing page,
/// file or fragment is an error at the place the link is written.
/// </summary>
public sealed class CheckLinks(LayoutEngine layouts) : IModule
{
    public IReadOnlyList<IProduct> Reads => [Products.Site];
    public IReadOnlyList<IProduct> Makes => [Products.Links];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var site = context.Get(Products.Site);
        // The preview's last check still holds for every page it had, unchanged, while all link targets are the same;
        // the pages are then the same paths in the same order, so the last page of each is at its index.
        var last = context.Cache is { Last: { } model, LastLinks: { } links } && LinkCheck.SameTargets(model, site) ? (model, links) : default;
        var broken = new ConcurrentDictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        Parallel.For(0, site.Pages.Count, i =>
        {
            var page = site.Pages[i];
            if (last.model != null && ReferenceEquals(last.model.Pages[i], page))
            {
                if (last.links.Broken.TryGetValue(page.RelativePath, out var problems))
                    broken[page.RelativePath] = problems;
                return;
            }
            var check = new PageLinks(site, page);
            foreach (var link in page.Links)
                check.Check(link);
            if (check.Problems.Count > 0)
                broken[page.RelativePath] = check.Problems;
        });
        foreach (var problems in broken.Values)
            context.Diagnostics.AddRange(problems);
        CheckNavigation(site, context);
        CheckCheckerLinks(site, context);
        CheckLayoutLinks(site, context);
        context.Set(Products.Links, new LinkCheck(broken.ToDictionary(StringComparer.Ordinal)));
        return documents;
    }

    private static void CheckNavigation(SiteModel site, BuildContext context)
    {
        var file = context.Input.DisplayPathOf(SiteSettingsLoader.FileName);
        foreach (var (menu, entry) in site.Settings.Navigation.Select(e => ("navigation", e)).Concat(site.Settings.Footer.Select(e => ("footer", e))))
            if (site.Find(entry.Page) == null)
                context.Diagnostics.Error(Codes.BrokenLink, file, entry.Line, entry.Column,
                $"the {menu} entry '{entry.Page}' is not a page",
                "name a page by its path in the input folder, for example 'aftercare.md'");
    }

    private static void CheckCheckerLinks(SiteModel site, BuildContext context)
    {
        if (site.Checker is not { } data)
            return;
        var file = context.Input.DisplayPathOf(LoadChecker.RelativePath);
        foreach (var level in data.Levels)
            foreach (var link in level.Links.Where(l => site.Find(l) == null))
                context.Diagnostics.Error(Codes.BrokenLink, file, level.Line, 1, $"the level '{level.Id}' links to '{link}', which is not a page",
                    "name a page by its path in the input folder, for example 'aftercare.md'");
    }

    /// <summary>Addresses a layout writes as text (<c>{{ 'contact/' | relative_url }}</c>) must be pages or files of the site.</summary>
    private void CheckLayoutLinks(SiteModel site, BuildContext context)
    {
        foreach (var link in layouts.SiteAddresses())
        {
            var hash = link.Address.IndexOf('#');
            var path = (hash < 0 ? link.Address : link.Address[..hash]).TrimStart('/');
            var url = AssignUrls.EncodePath(path);
            if (path.Length == 0 ? site.AtUrl("") != null : site.AtUrl(url) != null || site.Files.Contains(path))
                continue;
            var page = site.AtUrl(url + "/");
            context.Diagnostics.Error(Codes.BrokenLink, link.LayoutFile, link.Line, 1,
                $"the layout links to '{link.Address}', which is not a page or file of the site",
                page != null ? $"add the closing slash: '{path}/'" : "link to a page's address (e.g. 'contact/') or a file of the theme's assets (e.g. 'assets/site.css')");
        }
    }

    /// <summary>Checks the links of one page against the site.</summary>
    private sealed class PageLinks(SiteModel site, Page page)
    {
        public List<Diagnostic> Problems { get; } = [];

        public bool Check(PageLink link)
        {
            var (url, line, column) = (link.Written, link.Line, link.Column);
            switch (link.Kind)
            {
                case LinkKind.Fragment:
                    return CheckFragment(page, link);
                case LinkKind.Rooted:
                    return Error(Codes.BrokenLink, line, column, $"the link '{url}' starts from the site root",
                        "link to the page's .md file relative to this page, for example 'aftercare.md'; the build adds the site's base path");
                case LinkKind.Outside:
                    return Error(Codes.BrokenLink, line, column, $"the link '{url}' points outside the site", "link to a page inside the input folder");
                case LinkKind.Page:
                    if (site.Find(link.Target) is { } target)
                        return CheckFragment(target, link);
                    return Error(Codes.BrokenLink, line, column, $"the link '{url}' points to a page that does not exist ({link.Target})",
                        Suggest(link.Target) ?? "check the file name; links are relative to this page's folder");
                default:
                    var folder = link.Target.TrimEnd('/');
                    if ((site.Find(folder + ".md") ?? site.Find(folder + "/index.md")) is { } addressed)
                        return Error(Codes.BrokenLink, line, column, $"the link '{url}' points to a page's address",
                            $"link to the markdown file instead: '{Relative(page.RelativePath, addressed.RelativePath)}'");
                    if (!site.Files.Contains(link.Target))
                        return Error(Codes.BrokenLink, line, column, $"the link '{url}' points to a file the site does not publish ({link.Target})",
                            "check the file name; links are relative to this page's folder");
                    return true;
            }
        }

        private bool CheckFragment(Page target, PageLink link)
        {
            if (string.IsNullOrEmpty(link.Fragment) || target.Ids.Contains(link.Fragment))
                return true;
            var known = target.Ids.Order(StringComparer.Ordinal).Take(12).ToList();
            return Error(Codes.BrokenFragment, link.Line, link.Column,
                $"'#{link.Fragment}' is not a section or heading of {target.RelativePath}",
                known.Count == 0 ? "remove the '#…' part" : $"use one of: {string.Join(", ", known.Select(k => "#" + k))}");
        }

        private bool Error(string code, int line, int column, string message, string hint)
        {
            Problems.Add(new Diagnostic(Severity.Error, code, page.DisplayPath, line, column, message, hint));
            return false;
        }

        private string? Suggest(string target)
        {
            var name = Path.GetFileName(target);
            var same = site.Pages.Where(p => string.Equals(Path.GetFileName(p.RelativePath), name, StringComparison.OrdinalIgnoreCase)).Select(p => p.RelativePath).ToList();
            return same.Count == 0 ? null : $"a page with that name is at {string.Join(", ", same)}; links are relative to this page's folder";
        }

        private static string Relative(string fromPage, string toPage)
        {
            var folder = Path.GetDirectoryName(fromPage) ?? "";
            return Path.GetRelativePath(folder.Length == 0 ? "." : folder, toPage).Replace('\\', '/');
        }
    }
}
