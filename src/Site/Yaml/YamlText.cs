using Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Yaml;

/// <summary>Parses YAML text into a node tree, reporting syntax errors at the line they occur in the file.</summary>
public static class YamlText
{
    /// <returns>The root node, or null when the text is not valid YAML (the error is reported).</returns>
    /// <param name="firstLine">The file line the text starts on (front matter starts on line 2).</param>
    public static YamlNode? Parse(string text, int firstLine, string displayPath, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new BoundedParser(new Parser(scanner)));
            // An empty text is an empty mapping: its keys are reported as missing, not as bad YAML.
            return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        }
        catch (YamlLimitException e)
        {
            diagnostics.Error(Codes.YamlSyntax, displayPath, Line(e.Start, firstLine), (int)e.Start.Column, $"the YAML is not allowed: {e.Message}", e.Hint);
            return null;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes its own position; the diagnostic carries the file's position instead.
            var at = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && at > 0)
                message = message[(at + 3)..];
            diagnostics.Error(Codes.YamlSyntax, displayPath, Line(e.Start, firstLine), (int)e.Start.Column,
                $"the YAML is not valid: {message}",
                "check the indentation and quote values that contain a colon followed by a space, or start with a special character");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this when the text ends inside an unclosed bracket or quote.
            diagnostics.Error(Codes.YamlSyntax, displayPath, Line(scanner.CurrentPosition, firstLine), (int)scanner.CurrentPosition.Column,
                "the YAML is not valid: a bracket or quote is opened but never closed",
                "close the '[', '{' or quote that starts this value, or remove it");
            return null;
        }
    }

    public static int Line(Mark mark, int firstLine) => (int)mark.Line + firstLine - 1;
    public static int Line(YamlNode node, int firstLine) => Line(node.Start, firstLine);
}
