using Site.Content;

namespace Site.Tests.Content;

public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://www.nhs.uk/", "https")]
    [InlineData("HTTP://example.org", "http")]
    [InlineData("mailto:hello@clinic.example", "mailto")]
    [InlineData("tel:999", "tel")]
    [InlineData("aftercare.md#ice", null)]
    [InlineData("../images/ice.jpg", null)]
    [InlineData("#when-to-worry", null)]
    [InlineData("//other.example/x", null)]
    [InlineData("javascript%3Aalert(1)", null)]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("  JaVaScRiPt:alert(1)", "javascript")]
    [InlineData("\u0001\u0000javascript:alert(1)", "javascript")]
    [InlineData("java\tscr\nipt\r:alert(1)", "javascript")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("data:text/html,x", "data")]
    [InlineData("x-custom+1.2:thing", "x-custom+1.2")]
    [InlineData("1http:x", null)]
    [InlineData(":x", null)]
    public void The_scheme_is_read_as_a_browser_reads_it(string url, string? scheme)
    {
        Assert.Equal(scheme, UrlPolicy.Scheme(url));
        Assert.Equal(scheme is null or "https" or "http" or "mailto" or "tel", UrlPolicy.IsAllowed(url));
    }

    [Theory]
    [InlineData("https://clinic.example", true)]
    [InlineData("http://clinic.example/path", true)]
    [InlineData("https://", false)]
    [InlineData("clinic.example", false)]
    [InlineData("mailto:a@b.c", false)]
    [InlineData("java\tscript://x", false)]
    public void A_web_address_is_a_full_http_or_https_url(string url, bool expected) =>
        Assert.Equal(expected, UrlPolicy.IsWebAddress(url));
}
