using Site.Tests.Support;

namespace Site.Tests.BuiltSite;

/// <summary>
/// Checks the whole built site with the Nu HTML Checker (the W3C validator, vnu.jar from npm `vnu-jar`):
/// every page as HTML and every stylesheet as CSS, in one Java run. Needs `npm ci` and Java 17+;
/// without them the tests fail (they are never skipped).
/// </summary>
public sealed class HtmlValidityTests
{
    private readonly RealSite _site = RealSite.Shared;

    [Fact]
    public async Task Every_page_and_stylesheet_passes_the_Nu_HTML_Checker()
    {
        Assert.True(_site.ExitCode == 0, _site.Log);

        var result = await NuHtmlChecker.CheckFolderAsync(_site.Output);

        Assert.True(result.Messages.Count == 0 && result.ExitCode == 0,
            $"The Nu HTML Checker found problems in the built site ({RealSite.BasePath} build of input/ and theme/):\n"
            + result.Describe() + (result.Messages.Count == 0 ? $"\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}" : ""));

        // Not vacuous: every page and every stylesheet in the output was actually read.
        var expected = Directory.EnumerateFiles(_site.Output, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(expected, f => f.EndsWith(".css", StringComparison.Ordinal));
        Assert.Equal(expected, result.CheckedFiles);
    }

    [Fact]
    public async Task The_checker_reports_invalid_html_and_css_and_skips_other_files()
    {
        using var folder = new TempFolder("site-vnu-");
        var dir = folder.Path;
        Directory.CreateDirectory(Path.Combine(dir, "assets"));
        await File.WriteAllTextAsync(Path.Combine(dir, "good.html"), """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Fine</title></head>
            <body><p>A valid page.</p></body>
            </html>
            """);
        // Line 5: a <p> directly inside a <ul>; line 6: an <img> without alt.
        await File.WriteAllTextAsync(Path.Combine(dir, "bad.html"), """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Broken</title></head>
            <body>
            <ul><p>Not a list item</p></ul>
            <img src="x.png">
            </body>
            </html>
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "assets", "bad.css"), "p { colr: red; }\n");
        // Not HTML: must be skipped, not reported as broken HTML.
        await File.WriteAllTextAsync(Path.Combine(dir, "sitemap.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "robots.txt"), "User-agent: *\n");

        var result = await NuHtmlChecker.CheckFolderAsync(dir);
        var report = result.Describe();

        Assert.True(result.ExitCode != 0, "vnu exited 0 on invalid HTML:\n" + report);
        Assert.Equal(["assets/bad.css", "bad.html", "good.html"], result.CheckedFiles);
        Assert.All(result.Messages, m => Assert.True(m.Type == "error", report));
        Assert.Contains(result.Messages, m => m is { File: "bad.html", Line: 5 } && m.Text.Contains("“p” not allowed as child of element “ul”", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m is { File: "bad.html", Line: 6 } && m.Text.Contains("alt", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.File == "assets/bad.css" && m.Text.Contains("colr", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Messages, m => m.File is "good.html" or "sitemap.xml" or "robots.txt");
    }
}
