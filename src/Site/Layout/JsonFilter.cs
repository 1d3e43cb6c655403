using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fluid;
using Fluid.Values;

namespace Site.Layout;

/// <summary>
/// Liquid's <c>json</c> filter (<c>{{ page.tags | json }}</c>), in place of Fluid's own, which serializes the
/// layout views by reflection and so fails in a Native AOT build. It writes what Fluid's writes: Liquid values
/// as JSON values, and a view as its properties by their C# names, through code generated for the view types
/// (<see cref="LayoutJsonContext"/>), escaped by the default JavaScript encoder.
/// </summary>
internal static class JsonFilter
{
    public const string Name = "json";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Default;
    private static readonly LayoutJsonContext Views = new(new JsonSerializerOptions { Encoder = Encoder });

    public static ValueTask<FluidValue> Json(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
            Write(writer, input, context);
        return new StringValue(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter writer, FluidValue value, TemplateContext context)
    {
        switch (value.Type)
        {
            case FluidValues.Array:
                writer.WriteStartArray();
                foreach (var item in value.Enumerate(context))
                    Write(writer, item, context);
                writer.WriteEndArray();
                break;
            case FluidValues.Boolean:
                writer.WriteBooleanValue(value.ToBooleanValue());
                break;
            case FluidValues.Number:
                writer.WriteNumberValue(value.ToNumberValue());
                break;
            case FluidValues.Dictionary when value.ToObjectValue() is IFluidIndexable dictionary:
                writer.WriteStartObject();
                foreach (var key in dictionary.Keys)
                {
                    writer.WritePropertyName(key);
                    if (dictionary.TryGetValue(key, out var item) && item != null)
                        Write(writer, item, context);
                    else
                        writer.WriteNullValue();
                }
                writer.WriteEndObject();
                break;
            case FluidValues.Object:
                if (value.ToObjectValue() is not { } view)
                    writer.WriteNullValue();
                else if (Views.GetTypeInfo(view.GetType()) is { } typeInfo)
                    JsonSerializer.Serialize(writer, view, typeInfo);
                else
                    throw new NotSupportedException($"the json filter cannot write a {view.GetType().Name}");
                break;
            case FluidValues.DateTime:
                writer.WriteStringValue((DateTimeOffset)value.ToObjectValue());
                break;
            case FluidValues.String:
                writer.WriteStringValue(value.ToStringValue());
                break;
            case FluidValues.Blank:
            case FluidValues.Empty:
                writer.WriteStringValue(string.Empty);
                break;
            default: // nil, and a dictionary that is not one Liquid can index
                writer.WriteNullValue();
                break;
        }
    }
}

/// <summary>Serialization code for the layout views, for the <c>json</c> filter: default options (C# names).</summary>
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(ClinicView))]
[JsonSerializable(typeof(NumbersView))]
[JsonSerializable(typeof(LinkView))]
[JsonSerializable(typeof(PageLinkView))]
[JsonSerializable(typeof(SourceView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(NotFoundView))]
[JsonSerializable(typeof(CheckerView))]
internal sealed partial class LayoutJsonContext : JsonSerializerContext;
