using System.Collections.Concurrent;

namespace Site.Search;

/// <summary>
/// Stems by number, so that the hundreds of word places every page keeps (<see cref="WordPlace"/>) take eight bytes
/// each, not sixteen. The numbers hold for the whole process, which the preview's builds share; a site has some
/// thousands of stems, and a preview adds only those of new words.
/// </summary>
public static class StemIds
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static string[] _names = new string[1024];
    private static int _count;

    public static int Of(string stem) => Ids.TryGetValue(stem, out var id) ? id : Add(stem);

    public static string Name(int id) => Volatile.Read(ref _names)[id];

    /// <summary>How many stems have numbers: every number is below it.</summary>
    public static int Count => Volatile.Read(ref _count);

    private static int Add(string stem)
    {
        lock (Gate)
        {
            if (Ids.TryGetValue(stem, out var id))
                return id;
            if (_count == _names.Length)
            {
                var bigger = new string[_names.Length * 2];
                _names.CopyTo(bigger, 0);
                Volatile.Write(ref _names, bigger); // readers see an array that holds every number handed out
            }
            _names[_count] = stem;
            Ids[stem] = _count; // only once its name is in place
            return _count++;
        }
    }
}
