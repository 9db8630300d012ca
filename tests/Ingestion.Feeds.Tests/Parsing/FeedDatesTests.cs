namespace Ingestion.Feeds.Tests.Parsing;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Sat, 09 Dec 2023 14:30:00 GMT", "2023-12-09T14:30:00Z")]
    [InlineData("Sat, 9 Dec 2023 17:30:00 +0300", "2023-12-09T14:30:00Z")]
    [InlineData("09 Dec 2023 09:30 EST", "2023-12-09T14:30:00Z")]
    [InlineData("Sat, 09 Dec 23 14:30:00 Z", "2023-12-09T14:30:00Z")]
    [InlineData("Saturday, 09-Dec-2023 14:30:00 +03:00", "2023-12-09T11:30:00Z")]
    [InlineData("2023-12-09T17:30:00+03:00", "2023-12-09T14:30:00Z")]
    [InlineData("2023-12-09T14:30:00.123Z", "2023-12-09T14:30:00.123Z")]
    [InlineData("2023-12-09 14:30:00", "2023-12-09T14:30:00Z")]
    [InlineData("2023-12-09", "2023-12-09T00:00:00Z")]
    [InlineData("20231209T143000Z", "2023-12-09T14:30:00Z")]
    [InlineData("٠٩ ديسمبر ٢٠٢٣ ١٤:٣٠", "2023-12-09T14:30:00Z")]
    public void Parses_feed_date_variants_to_utc(string raw, string expectedUtc)
    {
        var parsed = FeedDates.Parse(raw);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
        Assert.Equal(TimeSpan.Zero, parsed.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2023-13-45")]
    [InlineData("Mon, 31 Feb 2023 10:00:00 GMT")]
    public void Returns_null_for_text_that_is_not_a_date(string raw) => Assert.Null(FeedDates.Parse(raw));
}
