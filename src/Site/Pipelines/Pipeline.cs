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
        var pass = new List<DocumentModule>();
        foreach (var module in Modules)
        {
            if (module is DocumentModule perDocument)
            {
                pass.Add(perDocument);
                continue;
            }
            Flush(pass, documents, context);
            documents = module.Execute(documents, context);
        }
        Flush(pass, documents, context);
        return documents;
    }

    private static void Flush(List<DocumentModule> pass, IReadOnlyList<Document> documents, BuildContext context)
    {
        if (pass.Count == 0)
            return;
        DocumentPass.Run(pass, documents, context);
        pass.Clear();
    }
}
