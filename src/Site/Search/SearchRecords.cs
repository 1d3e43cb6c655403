namespace Site.Search;

/// <summary>
/// A page's sections as records of the search data, already in the data's JSON, so the search data is the pages'
/// pieces joined and a changed page changes only its own piece.
/// </summary>
/// <param name="Json">The records as UTF-8 JSON objects separated by commas, without the enclosing brackets.</param>
/// <param name="SynonymWords">The words of the synonym list's targets that the page uses, to warn of synonyms no page uses.</param>
public sealed record SearchRecords(byte[] Json, int Count, IReadOnlySet<string> SynonymWords);
