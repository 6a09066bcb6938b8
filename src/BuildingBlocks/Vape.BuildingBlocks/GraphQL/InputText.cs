using System.Text;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// Text is checked and normalised once, where it enters (every GraphQL String and ID, in the document or in the
/// variables): no NUL or other control character but tab and line breaks, no lone surrogate, NFC. Names, titles
/// and codes (<see cref="LabelFields"/>) also refuse line breaks and the invisible and direction characters
/// (U+200B, U+202E, U+2066, ...) that can hide text or show a name reversed; a body may hold those, and whoever
/// shows it isolates it (ADR 0100).
/// </summary>
public static class InputText
{
    /// <summary>Input fields and arguments that name or label something: shown in lists, headings and exports.</summary>
    public static readonly IReadOnlySet<string> LabelFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "fullName", "title", "code", "number", "author", "issuer", "provider",
    };

    /// <summary>The text NFC-normalised, or INVALID_INPUT when it holds a control character or broken UTF-16.</summary>
    public static string Clean(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                throw VapeException.InvalidInput("Văn bản chứa ký tự không hợp lệ (nửa cặp UTF-16).");
            if (IsControl(c) && c is not ('\t' or '\n' or '\r'))
                throw VapeException.InvalidInput("Văn bản chứa ký tự điều khiển (như NUL) không được phép.");
        }
        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    /// <summary>A name, title or code: also no line break, tab, invisible or direction character.</summary>
    public static void RequireLabel(string value)
    {
        foreach (var c in value)
        {
            if (IsControl(c))
                throw VapeException.InvalidInput("Tên, tiêu đề và mã không được chứa ký tự điều khiển hay xuống dòng.");
            if (IsInvisibleOrDirection(c))
                throw VapeException.InvalidInput("Tên, tiêu đề và mã không được chứa ký tự ẩn hay ký tự đổi chiều văn bản (như U+202E, U+200B).");
        }
    }

    /// <summary>C0, DEL and C1 controls.</summary>
    public static bool IsControl(char c) => c < ' ' || c is >= '\u007f' and <= '\u009f';

    /// <summary>Zero-width and direction-formatting characters (Unicode Cf in the ranges that matter for display).</summary>
    public static bool IsInvisibleOrDirection(char c) => c is
        '\u00ad' or '\u034f' or '\u061c' or '\u115f' or '\u1160' or '\u17b4' or '\u17b5' or '\u180e' or
        (>= '\u200b' and <= '\u200f') or (>= '\u202a' and <= '\u202e') or (>= '\u2060' and <= '\u206f') or
        '\u3164' or '\ufeff' or '\uffa0' or (>= '\ufff9' and <= '\ufffb');
}

/// <summary>GraphQL's String, with <see cref="InputText.Clean"/> applied to every value a client sends.</summary>
internal sealed class CleanStringGraphType : StringGraphType
{
    public CleanStringGraphType() => Name = "String"; // the same name replaces the built-in type

    public override object? ParseLiteral(GraphQLValue value) => Clean(base.ParseLiteral(value));

    public override object? ParseValue(object? value) => Clean(base.ParseValue(value));

    // The type alone decides whether a value can be parsed, so that a bad text gets its own message, not "expected String".
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLStringValue or GraphQLNullValue;

    public override bool CanParseValue(object? value) => value is string or null;

    internal static object? Clean(object? value) => value is string s ? InputText.Clean(s) : value;
}

/// <summary>GraphQL's ID, with the same check as <see cref="CleanStringGraphType"/>.</summary>
internal sealed class CleanIdGraphType : IdGraphType
{
    public CleanIdGraphType() => Name = "ID";

    public override object? ParseLiteral(GraphQLValue value) => CleanStringGraphType.Clean(base.ParseLiteral(value));

    public override object? ParseValue(object? value) => CleanStringGraphType.Clean(base.ParseValue(value));
}

/// <summary>Adds the label check to every input field and argument named in <see cref="InputText.LabelFields"/>.</summary>
internal sealed class LabelFieldsVisitor : BaseSchemaNodeVisitor
{
    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema)
    {
        if (InputText.LabelFields.Contains(field.Name)) field.Validator += Check;
    }

    public override void VisitObjectFieldArgumentDefinition(QueryArgument argument, FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (InputText.LabelFields.Contains(argument.Name)) argument.Validator += Check;
    }

    private static void Check(object? value)
    {
        switch (value)
        {
            case string s:
                InputText.RequireLabel(s);
                break;
            case IEnumerable<object?> list:
                foreach (var item in list) Check(item);
                break;
        }
    }
}
