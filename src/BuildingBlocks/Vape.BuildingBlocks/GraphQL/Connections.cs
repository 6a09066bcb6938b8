using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>One page of a list: the convention for every list in the schema (cursor pagination).</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>`first` and `after` of a connection field, checked.</summary>
public readonly record struct Page(int First, string? After)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static Page From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultSize;
        if (first < 1 || first > MaxSize)
            throw VapeException.InvalidInput($"`first` phải từ 1 đến {MaxSize}.");
        return new Page(first, context.GetArgument<string?>("after"));
    }

    /// <summary>The sort key that `after` points past, or null on the first page.</summary>
    public string? AfterKey => After is null ? null : Cursors.Decode(After);

    /// <summary>Builds the page from up to <see cref="First"/> + 1 rows, so that `hasNextPage` costs no extra query.</summary>
    public Connection<T> ToConnection<T>(IReadOnlyList<T> rows, Func<T, string> keyOf)
    {
        var edges = rows.Take(First).Select(r => new Edge<T>(Cursors.Encode(keyOf(r)), r)).ToList();
        return new Connection<T>(edges,
            new PageInfo(rows.Count > First, After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }

    /// <summary>Where a page of ranked results starts: the position after the one `after` points at (0 on the first page).</summary>
    public int Offset
    {
        get
        {
            if (AfterKey is not { } key) return 0;
            if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) || position >= int.MaxValue - MaxSize)
                throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
            return position + 1;
        }
    }

    /// <summary>
    /// A page of results that have an order but no stable key (a relevance ranking, a list computed whole):
    /// the cursor is the position. <paramref name="rows"/> are the rows from <see cref="Offset"/> on, up to
    /// <see cref="First"/> + 1 of them.
    /// </summary>
    public Connection<T> ToRankedConnection<T>(IReadOnlyList<T> rows)
    {
        var offset = Offset;
        var edges = rows.Take(First)
            .Select((r, i) => new Edge<T>(Cursors.Encode((offset + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), r)).ToList();
        return new Connection<T>(edges,
            new PageInfo(rows.Count > First, offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }

    /// <summary>Most results a ranked search pages through: past them, narrow the search.</summary>
    public const int MaxRanked = 1000;

    /// <summary>
    /// A page of a ranked search whose store takes a row limit: asks for the rows up to the end of this page
    /// (and one more, for `hasNextPage`) and keeps this page's. A search pages through at most <see cref="MaxRanked"/> results.
    /// </summary>
    public async Task<Connection<T>> RankedAsync<T>(Func<int, Task<IReadOnlyList<T>>> fetchUpTo)
    {
        var offset = Offset;
        if (offset + First > MaxRanked)
            throw VapeException.InvalidInput($"Chỉ xem được {MaxRanked} kết quả đầu tiên; hãy thu hẹp nội dung tìm kiếm.");
        var rows = await fetchUpTo(offset + First + 1);
        return ToRankedConnection(rows.Skip(offset).ToList());
    }

    /// <summary>A page of a list that is already whole in memory (small by nature, computed as one).</summary>
    public Connection<T> Slice<T>(IReadOnlyList<T> all) => ToRankedConnection(all.Skip(Offset).Take(First + 1).ToList());
}

public static class Cursors
{
    public static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("c:" + key));

    public static string Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("c:", StringComparison.Ordinal)) return text[2..];
        }
        catch (FormatException)
        {
        }
        throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field(x => x.HasNextPage);
        Field(x => x.HasPreviousPage);
        Field(x => x.StartCursor, nullable: true);
        Field(x => x.EndCursor, nullable: true);
    }
}

public class EdgeGraphType<TNodeType, T> : ObjectGraphType<Edge<T>> where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = $"{typeof(TNodeType).Name.Replace("GraphType", "").Replace("Type", "")}Edge";
        Field(x => x.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

public class ConnectionGraphType<TNodeType, T> : ObjectGraphType<Connection<T>> where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        Name = $"{typeof(TNodeType).Name.Replace("GraphType", "").Replace("Type", "")}Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, T>>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

public static class ConnectionFieldExtensions
{
    /// <summary>Adds `first` and `after` to a field that returns a connection.</summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first", $"Số mục mỗi trang (1–{Page.MaxSize}, mặc định {Page.DefaultSize}).")
             .Argument<StringGraphType>("after", "Con trỏ `endCursor` của trang trước.");
}
