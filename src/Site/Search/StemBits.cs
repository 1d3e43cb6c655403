namespace Site.Search;

/// <summary>
/// Bits for each stem within one scope (a page), per thread, like <see cref="StemSlots"/>' numbers: where the search
/// data gathers the sections a stem stands in while it reads a page's every word, with one array's look per word.
/// </summary>
public sealed class StemBits
{
    private int[] _scopes = new int[1024];
    private int[] _bits = new int[1024];
    private int _scope;

    /// <summary>Starts a new scope: every stem has no bits in it.</summary>
    public int NewScope()
    {
        if (_scope >= int.MaxValue - 1) // a preview that runs for a very long time: start the numbers again
        {
            Array.Clear(_scopes);
            _scope = 0;
        }
        _scope += 2; // even: the scope; odd: its stems already taken
        return _scope;
    }

    /// <summary>Adds <paramref name="bits"/> to the stem's.</summary>
    public void Or(int stem, int scope, int bits)
    {
        if (stem >= _scopes.Length)
        {
            var size = Math.Max(stem + 1, _scopes.Length * 2);
            Array.Resize(ref _scopes, size);
            Array.Resize(ref _bits, size);
        }
        if (_scopes[stem] == scope)
            _bits[stem] |= bits;
        else
            (_scopes[stem], _bits[stem]) = (scope, bits);
    }

    /// <summary>The stem's bits, the first time it is asked in the scope; false after that, and for a stem never added.</summary>
    public bool TryTake(int stem, int scope, out int bits)
    {
        var found = stem < _scopes.Length && _scopes[stem] == scope;
        bits = found ? _bits[stem] : 0;
        if (found)
            _scopes[stem] = scope + 1;
        return found;
    }
}
