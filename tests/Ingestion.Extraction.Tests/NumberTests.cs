namespace Ingestion.Extraction.Tests;

/// <summary>Casualty counts: digits in both scripts, number words with both genders, duals, «عشرات» and qualifiers.</summary>
public class NumberTests
{
    [Theory]
    [InlineData("قتل خمسة مسلحين في غارة أميركية على القائم أمس.", 5)]
    [InlineData("قتلت خمس نساء في غارة على القائم أمس.", 5)]
    [InlineData("أسفرت غارة على القائم أمس عن مقتل ثمانية مسلحين.", 8)]
    [InlineData("أسفرت غارة على القائم أمس عن مقتل ثماني عناصر.", 8)]
    [InlineData("أسفرت غارة على القائم أمس عن مقتل 3 عناصر.", 3)]
    [InlineData("أسفرت غارة على القائم أمس عن مقتل ٣ عناصر.", 3)]
    [InlineData("أسفرت غارة على القائم أمس عن مقتل ۴ عناصر.", 4)]
    [InlineData("أسفرت غارة على القائم أمس عن مقتل خمسة وعشرين مسلحا.", 25)]
    [InlineData("أسفرت غارة على القائم أمس عن سقوط ثلاثة عسكريين.", 3)]
    [InlineData("سقط سبعة قتلى في غارة على القائم أمس.", 7)]
    public void Number_after_or_before_a_killed_word_is_the_killed_count(string text, int killed) =>
        Assert.Equal(killed, Extractor.Single(text).Killed);

    [Theory]
    [InlineData("قتيلان في غارة على القائم أمس.", 2)]
    [InlineData("أسفرت غارة على القائم أمس عن سقوط قتيلين.", 2)]
    public void Dual_noun_gives_two(string text, int killed) => Assert.Equal(killed, Extractor.Single(text).Killed);

    [Fact]
    public void Dual_wounded_noun_gives_two()
    {
        var i = Extractor.Single("أسفرت غارة على البوكمال أمس عن سقوط قتيل وجريحين.");
        Assert.Equal(2, i.Wounded);
    }

    [Fact]
    public void Dozens_give_a_lower_bound_but_no_exact_number()
    {
        var i = Extractor.Single("أسفرت غارات أميركية على البوكمال أمس عن مقتل عشرات المسلحين.");
        Assert.Null(i.Killed);
        Assert.Equal(20, i.KilledMin);
    }

    [Fact]
    public void At_least_qualifier_makes_the_number_a_lower_bound()
    {
        var i = Extractor.Single("قتل ما لا يقل عن عشرة مسلحين في غارة على القائم أمس.");
        Assert.Equal(10, i.Killed);
        Assert.Equal(10, i.KilledMin);
    }

    [Fact]
    public void More_than_qualifier_raises_the_lower_bound_above_the_number()
    {
        var i = Extractor.Single("أسفرت غارة على القائم أمس عن مقتل أكثر من 12 مسلحا.");
        Assert.Equal(12, i.Killed);
        Assert.Equal(13, i.KilledMin);
    }

    [Fact]
    public void About_qualifier_keeps_the_stated_number()
    {
        var i = Extractor.Single("أسفر هجوم صاروخي على قاعدة حرير أمس عن إصابة نحو 20 شخصا.");
        Assert.Equal(20, i.Wounded);
    }

    [Fact]
    public void Number_with_trailing_at_least_is_a_lower_bound()
    {
        var i = Extractor.Single("سقط قتيلان، على الأقل، في غارة على القائم أمس.");
        Assert.Equal(2, i.Killed);
        Assert.Equal(2, i.KilledMin);
    }

    [Fact]
    public void Negated_casualties_give_zero_killed_and_wounded()
    {
        var i = Extractor.Single("تعرضت قاعدة حرير أمس لهجوم صاروخي، ولم تقع إصابات.");
        Assert.Equal(0, i.Killed);
        Assert.Equal(0, i.Wounded);
    }

    [Fact]
    public void Casualties_without_a_number_stay_null()
    {
        var i = Extractor.Single("تعرضت قاعدة حرير أمس لهجوم بطائرة مسيرة تسبب في إصابات وأضرار.");
        Assert.Null(i.Killed);
        Assert.Null(i.Wounded);
    }

    [Fact]
    public void Falling_rockets_are_not_casualties()
    {
        var i = Extractor.Single("سقطت ثلاثة صواريخ على قاعدة حرير أمس.");
        Assert.Null(i.Killed);
        Assert.Equal(IncidentKinds.Rocket, i.Kind);
    }
}
