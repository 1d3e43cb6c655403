namespace Site.Pipelines;

/// <summary>A named list of modules, run in order, after the pipelines it depends on have finished.</summary>
public sealed class Pipeline(string name, IReadOnlyList<string> dependsOn, IReadOnlyList<IModule> modules)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> DependsOn { get; } = dependsOn;
    public IReadOnlyList<IModule> Modules { get; } = modules;

    public Pipeline(string name, params IModule[] modules) : this(name, [], modules) { }

    public IReadOnlyList<Document> Run(BuildContext context)
    {
        IReadOnlyList<Document> documents = [];
        foreach (var module in Modules)
            documents = module.Execute(documents, context);
        return documents;
    }
}
