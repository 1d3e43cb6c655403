namespace Site.Pipelines;

/// <summary>
/// Something one pipeline makes and others read, such as the site model. Pipelines name what they read and what
/// they make, so the runner orders them by that and a pipeline that reads what nobody makes fails at start-up.
/// </summary>
public interface IProduct
{
    string Name { get; }
}

/// <summary>A product of type <typeparamref name="T"/>; reading it gives a <typeparamref name="T"/>, never an object to cast.</summary>
public sealed class Product<T>(string name) : IProduct
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}
