using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>
/// Pages arrive through pull requests. Raw HTML is refused on the syntax tree, whatever its spelling; link and
/// image addresses pass an allowlist of schemes read as a browser reads them; and the site's settings and the
/// checker's texts are text wherever they land. What builds is read back with AngleSharp to prove it holds
/// nothing that runs or redirects.
/// </summary>
public sealed class HtmlSafetyTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private BuildRun Refused(string body, string marker, string words)
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\n" + body);
        var run = _site.BuildFailsAfter(() => _site.WritePage("aftercare.md", text));
        run.AssertReports($"aftercare.md:{FixtureSite.LineOf(text, marker)}", "SITE016", words);
        return run;
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<div>\n<script>alert(1)</script>\n</div>")]
    [InlineData("Text <img src=\"x.png\" onerror=\"alert(1)\"> more.")]
    [InlineData("Text <a title=\"x>\" onclick=\"alert(1)\">quoted bracket</a> more.")]
    [InlineData("Text <a href=\"javascript&colon;alert(1)\">named entity</a> more.")]
    [InlineData("Text <a href=\"&#106avascript:alert(1)\">reference without semicolon</a> more.")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; url=https://elsewhere.example/\">")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<svg><animate onbegin=\"alert(1)\" attributeName=\"x\"/></svg>")]
    [InlineData("<style>body { display: none }</style>")]
    [InlineData("<form action=\"https://elsewhere.example/\"><button>Go</button></form>")]
    [InlineData("<!-- a note --><script>alert(1)</script>")]
    [InlineData("Text <b>bold</b> more.")]
    public void Raw_html_in_any_spelling_is_refused_at_its_line(string html)
    {
        var marker = html.Split('\n')[0];
        Refused(html, marker, "raw HTML is not allowed");
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "javascript")]
    [InlineData("[x](java&#x09;script:alert(1))", "javascript")]
    [InlineData("[x](&#106;avascript:alert(1))", "javascript")]
    [InlineData("[x](javascript&colon;alert(1))", "javascript")]
    [InlineData("[x](javascript&#58;alert(1))", "javascript")]
    [InlineData("[x]( javascript:alert(1))", "javascript")]
    [InlineData("[x](<javascript:alert(1)>)", "javascript")]
    [InlineData("<javascript:alert(1)>", "javascript")]
    [InlineData("[x](vbscript:msgbox(1))", "vbscript")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data")]
    [InlineData("[x](file:///etc/passwd)", "file")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)", "javascript")]
    public void Link_addresses_outside_the_allowlist_are_refused(string markdown, string scheme)
    {
        var marker = markdown.Split('\n')[0];
        Refused(markdown, marker, $"'{scheme}:' address");
    }

    [Fact]
    public void A_reference_without_its_semicolon_stays_text_in_the_address_and_is_no_page_of_the_site()
    {
        // Markdig leaves "&#106a" as written, so the address starts with '&': no scheme, and no such file.
        var text = FixtureSite.Page("Aftercare", "### Ice\n\n[x](&#106avascript:alert(1))");
        var run = _site.BuildFailsAfter(() => _site.WritePage("aftercare.md", text));
        run.AssertReports($"aftercare.md:{FixtureSite.LineOf(text, "[x]")}", "SITE013", "does not publish");
    }

    [Theory]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![pixel](https://tracker.example/pixel.gif)")]
    [InlineData("![x](javascript:alert(1))")]
    public void Images_must_be_files_of_the_site(string markdown)
    {
        Refused(markdown, markdown, "is not a file of the site");
    }

    [Fact]
    public void Web_email_phone_and_site_links_and_comments_build_and_publish_nothing_unsafe()
    {
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare",
            "### Ice\n\n<!-- a note between writers: check the wording with the clinical lead -->\n\n" +
            "See [the NHS](https://www.nhs.uk/), [email us](mailto:hello@clinic.example), [call](tel:999), " +
            "<https://www.nhs.uk/conditions/> and [home](index.md).\n"));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        var html = File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html"));
        Assert.DoesNotContain("a note between writers", html);
        Assert.Contains("href=\"mailto:hello@clinic.example\"", html);
        Assert.Contains("href=\"tel:999\"", html);
        PublishedHtml.AssertSafe(_site.Output);
    }

    [Fact]
    public void Settings_values_are_text_in_pages_and_front_matter_never_markup_or_markdown()
    {
        const string hostile = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
        File.WriteAllText(Path.Combine(_site.Input, "site.yml"),
            FixtureSite.Settings.Replace("name: Test Clinic", $"name: '{hostile}'"));
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nRun by {{ clinic.name }}.\n")
            .Replace("title: Aftercare", "title: \"Aftercare at {{ clinic.name }}\""));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        var html = File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html"));
        Assert.Contains("Run by &lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](javascript:alert(1))", html);
        Assert.Contains("<h1>Aftercare at &lt;script&gt;", html);
        PublishedHtml.AssertSafe(_site.Output);
    }

    [Fact]
    public void Settings_values_cannot_change_the_structure_of_the_checker_data()
    {
        CheckerFixture.Add(_site);
        // A value that would add a YAML key or end the checker's text if it were pasted into the file.
        File.WriteAllText(Path.Combine(_site.Input, "site.yml"),
            FixtureSite.Settings.Replace("urgent: \"111\"", "urgent: \"111\\n    links: [nowhere.md]\\n# \""));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        PublishedHtml.AssertSafe(_site.Output);
    }

    [Fact]
    public void Checker_texts_are_shown_as_written_never_as_markdown_or_html()
    {
        CheckerFixture.Add(_site, signs => signs.Replace("you have chest pain", "you have <script>alert(1)</script> [chest pain](javascript:alert(1))"));
        _site.WritePage("aftercare.md", FixtureSite.Page("Aftercare", "### Ice\n\nCold.\n\n::: signs emergency\n:::\n"));
        var run = _site.Build();
        Assert.True(run.ExitCode == 0, run.ToString());
        var html = File.ReadAllText(Path.Combine(_site.Output, "aftercare", "index.html"));
        Assert.Contains("you have &lt;script&gt;alert(1)&lt;/script&gt; [chest pain](javascript:alert(1))", html);
        PublishedHtml.AssertSafe(_site.Output);
    }

    [Fact]
    public void An_unknown_placeholder_in_the_checker_data_is_reported_in_that_file_at_its_line()
    {
        var run = _site.BuildFailsAfter(() => CheckerFixture.Add(_site, data => data.Replace("title: Get help today", "title: Get help today {{ numbers.police }}")));
        var checker = File.ReadAllText(Path.Combine(_site.Input, "data", "checker.yml"));
        run.AssertReports($"data/checker.yml:{FixtureSite.LineOf(checker, "numbers.police")}", "SITE017", "unknown placeholder 'numbers.police'");
        Assert.DoesNotContain("aftercare.md", run.Stderr);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://example.org/")]
    [InlineData("example.org")]
    public void The_sites_own_url_must_be_a_web_address(string url)
    {
        var run = _site.BuildFailsAfter(() => File.WriteAllText(Path.Combine(_site.Input, "site.yml"),
            FixtureSite.Settings.Replace("url: https://clinic.example", $"url: \"{url}\"")));
        run.AssertReports("site.yml:4", "SITE005", "'url' must be the site's full web address");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("/relative/path")]
    public void A_source_url_must_be_a_web_address(string url)
    {
        var text = FixtureSite.Page("Aftercare", "### Ice\n\nCold.").Replace("    year: 2024", $"    year: 2024\n    url: \"{url}\"");
        var run = _site.BuildFailsAfter(() => _site.WritePage("aftercare.md", text));
        run.AssertReports($"aftercare.md:{FixtureSite.LineOf(text, "url:")}", "SITE005", "'url' must be a full web address");
    }
}
