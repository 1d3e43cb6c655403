namespace Site.Search;

/// <summary>
/// A number for each stem within one scope (a block of text, a page), per thread: where the search data keeps a
/// stem's place or its running score while it reads a text, without a dictionary. Every word of every page is
/// looked up here, by its stem's number (<see cref="StemIds"/>).
/// </summary>
public sealed class StemSlots
{
    private int[] _scopes = new int[1024];
    private int[] _values = new int[1024];
    private int _scope;

    /// <summary>Starts a new scope: every stem is unset in it.</summary>
    public int NewScope()
    {
        if (_scope == int.MaxValue) // a preview that runs for a very long time: start the numbers again
        {
            Array.Clear(_scopes);
            _scope = 0;
        }
        return ++_scope;
    }

    public bool TryGet(int stem, int scope, out int value)
    {
        var found = stem < _scopes.Length && _scopes[stem] == scope;
        value = found ? _values[stem] : 0;
        return found;
    }

    public void Set(int stem, int scope, int value)
    {
        if (stem >= _scopes.Length)
        {
            var size = Math.Max(stem + 1, _scopes.Length * 2);
            Array.Resize(ref _scopes, size);
            Array.Resize(ref _values, size);
        }
        _scopes[stem] = scope;
        _values[stem] = value;
    }
}
