using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Site.Layout;

/// <summary>
/// The layouts' text, read once and checked, as the file system Fluid resolves <c>{% include %}</c> against:
/// an include can only reach a layout file of the theme, never a path outside it or a link out of it.
/// </summary>
public sealed class LayoutFiles(IReadOnlyDictionary<string, string> texts) : IFileProvider
{
    // Made once: Fluid asks for an included file on every render of every page.
    private readonly Dictionary<string, TextFile> _files = texts.ToDictionary(t => t.Key, t => new TextFile(t.Key, t.Value), StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.Replace('\\', '/').TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class TextFile(string path, string text) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;
        public long Length => _bytes.Length;
        public string? PhysicalPath => null;
        public string Name => Path.GetFileName(path);
        // Constant, so Fluid's template cache keeps what it parsed.
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
