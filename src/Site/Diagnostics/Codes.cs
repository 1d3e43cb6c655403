namespace Site.Diagnostics;

/// <summary>Every diagnostic code in one list, so a writer can search the README or the code for one.</summary>
public static class Codes
{
    public const string FrontMatterMissing = "SITE001";
    public const string YamlSyntax = "SITE002";
    public const string UnknownKey = "SITE003";
    public const string MissingKey = "SITE004";
    public const string InvalidValue = "SITE005";
    public const string DescriptionTooLong = "SITE006";
    public const string ReviewerIsAuthor = "SITE007";
    public const string ReviewOverdue = "SITE008";
    public const string ReviewDueSoon = "SITE009";
    public const string LevelOneHeading = "SITE010";
    public const string MissingSection = "SITE011";
    public const string EmptySection = "SITE012";
    public const string BrokenLink = "SITE013";
    public const string BrokenFragment = "SITE014";
    public const string DuplicateOutput = "SITE015";
    public const string UnsafeHtml = "SITE016";
    public const string UnknownPlaceholder = "SITE017";
    public const string UnknownCareCard = "SITE018";
    public const string Settings = "SITE019";
    public const string Template = "SITE020";
    public const string BannedClaim = "SITE021";
    public const string HardToRead = "SITE022";
    public const string Checker = "SITE023";
    public const string UnusedSynonym = "SITE024";
    public const string Limit = "SITE025";
    public const string Encoding = "SITE026";
    public const string UnreadableFile = "SITE027";
    public const string ScaffoldText = "SITE028";
    public const string PlainWords = "SITE029";
}
