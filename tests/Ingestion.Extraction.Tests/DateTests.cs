namespace Ingestion.Extraction.Tests;

/// <summary>Dates resolved against the publication date (Monday 22 April 2024 unless stated).</summary>
public class DateTests
{
    private static ExtractedIncident Strike(string when, DateOnly? published = null) =>
        Extractor.Single($"استهدفت طائرة مسيرة قاعدة عين الأسد {when}.", published);

    [Theory]
    [InlineData("يوم السبت", "2024-04-20")]
    [InlineData("الأحد", "2024-04-21")]
    [InlineData("فجر الثلاثاء", "2024-04-16")]
    [InlineData("مساء الجمعة", "2024-04-19")]
    public void Weekday_resolves_backwards_from_publication(string when, string expected)
    {
        var i = Strike(when);
        Assert.Equal(DateOnly.Parse(expected), i.Date);
        Assert.Equal(DatePrecisions.Day, i.DatePrecision);
    }

    [Fact]
    public void Weekday_of_the_publication_day_is_that_day() =>
        Assert.Equal(Extractor.Monday, Strike("الاثنين").Date);

    [Theory]
    [InlineData("أمس", -1)]
    [InlineData("اليوم", 0)]
    [InlineData("الليلة الماضية", -1)]
    [InlineData("فجر اليوم", 0)]
    [InlineData("مساء أمس", -1)]
    public void Relative_day_words_count_from_publication(string when, int offset) =>
        Assert.Equal(Extractor.Monday.AddDays(offset), Strike(when).Date);

    [Theory]
    [InlineData("في 15 يناير 2024", "2024-01-15")]
    [InlineData("في 15 كانون الثاني 2024", "2024-01-15")]
    [InlineData("في 3 شباط", "2024-02-03")]
    [InlineData("في 7 تشرين الأول/أكتوبر 2023", "2023-10-07")]
    [InlineData("في 12 ديسمبر/كانون الأول", "2023-12-12")]
    [InlineData("في الرابع من آذار", "2024-03-04")]
    [InlineData("في ٥ نيسان", "2024-04-05")]
    public void Explicit_dates_read_gregorian_and_levantine_month_names(string when, string expected)
    {
        var i = Strike(when);
        Assert.Equal(DateOnly.Parse(expected), i.Date);
        Assert.Equal(DatePrecisions.Day, i.DatePrecision);
    }

    [Fact]
    public void Date_without_year_is_the_latest_one_not_after_publication() =>
        Assert.Equal(new DateOnly(2023, 12, 20), Strike("في 20 ديسمبر").Date);

    [Fact]
    public void Vague_part_of_month_is_approximate()
    {
        var i = Strike("في منتصف أكتوبر");
        Assert.Equal(new DateOnly(2023, 10, 15), i.Date);
        Assert.Equal(DatePrecisions.Approximate, i.DatePrecision);
        Assert.True(i.DateToleranceDays >= 5);
    }

    [Fact]
    public void Month_alone_has_month_precision() => Assert.Equal(DatePrecisions.Month, Strike("في فبراير الماضي").DatePrecision);

    [Fact]
    public void Weekday_that_contradicts_the_stated_day_wins_over_it()
    {
        // «الأحد 12 ديسمبر» published 4 Dec 2023: 12 December was not a Sunday; the latest Sunday is 3 December.
        var i = Strike("يوم الأحد 12 ديسمبر", new DateOnly(2023, 12, 4));
        Assert.Equal(new DateOnly(2023, 12, 3), i.Date);
        Assert.Equal(DatePrecisions.Approximate, i.DatePrecision);
    }

    [Fact]
    public void Date_after_since_starts_a_period_and_is_not_the_incident_date()
    {
        var i = Extractor.Single("استهدفت طائرة مسيرة قاعدة عين الأسد أمس، في أول هجوم منذ الرابع من فبراير.");
        Assert.Equal(Extractor.Monday.AddDays(-1), i.Date);
    }

    [Fact]
    public void Undated_attack_in_the_news_is_dated_approximately_by_publication()
    {
        var i = Extractor.Single("استهدفت طائرة مسيرة قاعدة عين الأسد.");
        Assert.Equal(Extractor.Monday, i.Date);
        Assert.Equal(DatePrecisions.Approximate, i.DatePrecision);
    }

    [Fact]
    public void Undated_attack_told_as_background_has_no_date()
    {
        var i = Extractor.Single("جاء ذلك في أعقاب مقتل خمسة مسلحين في غارة أميركية قرب كركوك.");
        Assert.Null(i.Date);
        Assert.Equal(DatePrecisions.Unknown, i.DatePrecision);
    }
}
