using GraphQL.Types;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>A calendar date, `yyyy-MM-dd` (effective dates, terms, "as of" questions): named `Date` in the schema.</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "Ngày theo lịch, dạng `yyyy-MM-dd`.";
    }
}
