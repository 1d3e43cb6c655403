using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Site.Content;

/// <summary>
/// The file name <c>new</c> gives a page, from its title: lowercase ASCII letters and digits joined by hyphens, so
/// the page's address reads the same in every browser and needs no escaping ("What's normal?" becomes
/// <c>whats-normal</c>, "Café" becomes <c>cafe</c>).
/// </summary>
public static class PageSlug
{
    public const int MaxLength = 60;

    /// <summary>The slug, or an empty string when the title has no letter or digit that folds to ASCII.</summary>
    public static string From(string title)
    {
        var slug = new StringBuilder(Math.Min(title.Length, MaxLength * 2));
        foreach (var c in FoldToAscii(title))
        {
            if (slug.Length > MaxLength * 2)
                break;
            if (c is '\'' or 'ʼ')
                continue; // an apostrophe joins a word: "what's" is "whats"
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        return Shorten(slug.ToString().Trim('-'));
    }

    /// <summary>
    /// Letters with accents as their plain letters ('é' as 'e', 'ß' as 'ss'), and curly apostrophes as straight ones,
    /// by Lucene's table: the generator runs without ICU (invariant globalization), so string normalization cannot.
    /// </summary>
    private static ReadOnlySpan<char> FoldToAscii(string text)
    {
        // Lucene's own bound: a character folds to at most four.
        var folded = new char[text.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(text.ToCharArray(), 0, folded, 0, text.Length);
        return folded.AsSpan(0, length);
    }

    /// <summary>At most <see cref="MaxLength"/> characters, cut at a hyphen where one is near the end.</summary>
    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxLength)
            return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return (cut >= MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).Trim('-');
    }
}
