using System.Diagnostics;

namespace Site.Pipelines;

/// <summary>
/// A named list of modules, run in order once the products its modules read are made. What it reads and makes
/// is the union of its modules' <see cref="IModule.Reads"/> and <see cref="IModule.Makes"/>.
/// </summary>
public sealed class Pipeline(string name, IReadOnlyList<IModule> modules)
{
    public string Name { get; } = name;
    public IReadOnlyList<IModule> Modules { get; } = modules;

    public IReadOnlyList<IProduct> Makes { get; } = modules.SelectMany(m => m.Makes).Distinct().ToList();
    public IReadOnlyList<IProduct> Reads { get; } = modules.SelectMany(m => m.Reads).Distinct()
        .Where(r => !modules.SelectMany(m => m.Makes).Contains(r)).ToList();

    public Pipeline(string name, params IModule[] modules) : this(name, (IReadOnlyList<IModule>)modules) { }

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
            var clock = Stopwatch.StartNew();
            documents = module.Execute(documents, context.For(module));
            context.Timings.Add(Name, [module], clock.Elapsed);
        }
        Flush(pass, documents, context);
        return documents;
    }

    private void Flush(List<DocumentModule> pass, IReadOnlyList<Document> documents, BuildContext context)
    {
        if (pass.Count == 0)
            return;
        var clock = Stopwatch.StartNew();
        DocumentPass.Run(pass, documents, context);
        context.Timings.Add(Name, pass, clock.Elapsed);
        pass.Clear();
    }
}
