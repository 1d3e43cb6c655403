namespace Site.Search;

/// <summary>One searchable section of a page: a result links straight to it.</summary>
/// <param name="Section">The section's id, or empty for the text before the first section.</param>
public sealed record SearchRecord(string Section, string Heading, string Text);
