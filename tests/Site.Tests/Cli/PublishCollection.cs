namespace Site.Tests.Cli;

/// <summary>
/// Tests that publish <c>src/Site</c> run one at a time: two publishes of one project share its <c>obj/</c> folder,
/// and a ReadyToRun and a Native AOT publish at once leave each other's files half written.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishCollection
{
    public const string Name = "publishes src/Site";
}
