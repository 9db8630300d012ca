namespace Ingestion.Extraction.Tests;

/// <summary>What counts as an incident, and the attributes read around it.</summary>
public class IncidentTests
{
    [Theory]
    [InlineData("نفذت الفصائل أكثر من 70 هجوماً على القوات الأميركية في العراق وسوريا منذ 17 أكتوبر.")]
    [InlineData("دأبت فصائل مسلحة خلال الأشهر الماضية على قصف مواقع أميركية في سوريا.")]
    [InlineData("هددت كتائب حزب الله باستهداف القواعد الأميركية في العراق.")]
    [InlineData("أعلنت الفصائل المسلحة أنها قررت استئناف الهجمات ضد القوات الأميركية في العراق.")]
    [InlineData("توقفت الهجمات على القوات الأميركية في سوريا.")]
    [InlineData("نفت كتائب حزب الله أي علاقة لها بالهجوم على قاعدة عين الأسد.")]
    [InlineData("تنشر واشنطن 2500 عسكري في العراق ونحو 900 في سوريا.")]
    [InlineData("")]
    public void Aggregates_statements_threats_and_denials_are_not_incidents(string text) =>
        Assert.Empty(Extractor.All(text));

    [Fact]
    public void Attacks_summed_over_two_countries_are_a_summary_not_an_incident() =>
        Assert.Empty(Extractor.All("استهداف قوات أميركية في العراق وسوريا بمسيّرات وصواريخ"));

    [Theory]
    [InlineData("انفجار داخل قاعدة كالسو أمس.", IncidentKinds.Explosion)]
    [InlineData("هجوم على قاعدة حرير أمس.", IncidentKinds.Other)]
    [InlineData("هجوم صاروخي على قاعدة حرير أمس.", IncidentKinds.Rocket)]
    [InlineData("هجوم بصواريخ بالستية على قاعدة حرير أمس.", IncidentKinds.Missile)]
    [InlineData("هجوم بطائرتين مسيرتين على قاعدة حرير أمس.", IncidentKinds.Drone)]
    [InlineData("غارة جوية على القائم أمس.", IncidentKinds.Airstrike)]
    [InlineData("هاجمت الطائرات الحربية الأميركية مواقع في القائم أمس.", IncidentKinds.Airstrike)]
    [InlineData("انفجار في قاعدة كالسو ناتج عن قصف أو هجوم بطائرات مسيرة أمس.", IncidentKinds.Explosion)]
    public void Weapon_words_decide_the_kind(string text, string kind) => Assert.Equal(kind, Extractor.Single(text).Kind);

    [Fact]
    public void Shooting_down_sets_intercepted()
    {
        var i = Extractor.Single("أسقطت الدفاعات الجوية طائرة مسيرة قرب مطار أربيل أمس.");
        Assert.True(i.Intercepted);
        Assert.Equal("erbil_airport", i.Place!.Id);
    }

    [Fact]
    public void Interception_with_damage_reported_is_not_intercepted()
    {
        var i = Extractor.Single("أحبطت القوات الأميركية هجوما بطائرة مسيرة على قاعدة حرير أمس. وأفاد مسؤول بوقوع أضرار.");
        Assert.False(i.Intercepted);
    }

    [Fact]
    public void Claim_of_responsibility_sets_attacker_and_claim()
    {
        var i = Extractor.Single("أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن هجوم بطائرة مسيرة على قاعدة حرير أمس.");
        Assert.Equal("islamic_resistance_in_iraq", i.ClaimedBy);
        Assert.Equal("islamic_resistance_in_iraq", i.Attacker);
        Assert.Equal("us_forces", i.Target);
    }

    [Fact]
    public void Adoption_verb_is_a_claim() =>
        Assert.Equal("kataib_hezbollah", Extractor.Single("تبنت كتائب حزب الله الهجوم الصاروخي على قاعدة عين الأسد أمس.").ClaimedBy);

    [Fact]
    public void Negated_claim_is_no_claim() =>
        Assert.Null(Extractor.Single("انفجار في قاعدة كالسو أمس، ولم تعلن أي جهة مسؤوليتها.").ClaimedBy);

    [Fact]
    public void Denial_in_the_next_sentence_is_recorded_on_the_incident()
    {
        var i = Extractor.Single("استهدفت طائرة مسيرة مقرا للحشد الشعبي في القائم يوم السبت. ونفى الجيش الأميركي مسؤوليته عن الهجوم.");
        Assert.Contains("us_forces", i.Denials);
        Assert.Equal("pmf", i.Target);
    }

    [Fact]
    public void Hedges_lower_confidence()
    {
        var plain = Extractor.Single("قصفت طائرة أميركية مقرا في القائم أمس.");
        var hedged = Extractor.Single("يعتقد أن طائرة أميركية ربما قصفت مقرا في القائم أمس.");
        Assert.True(hedged.Confidence < plain.Confidence, $"{hedged.Confidence} !< {plain.Confidence}");
    }

    [Fact]
    public void Strike_on_two_places_is_two_incidents()
    {
        var all = Extractor.All("شنت الطائرات الأميركية غارات على مواقع في القائم والبوكمال أمس.");
        Assert.Equal(["abu_kamal", "al_qaim"], all.Select(i => i.Place!.Id).Order());
        Assert.All(all, i => Assert.Equal("us_forces", i.Attacker));
    }

    [Fact]
    public void Casualties_in_the_next_sentence_join_the_incident()
    {
        var i = Extractor.Single("استهدف هجوم بطائرة مسيرة قاعدة التنف يوم الأحد. وأسفر الهجوم عن إصابة ثلاثة جنود.");
        Assert.Equal(3, i.Wounded);
        Assert.Equal(new DateOnly(2024, 4, 21), i.Date);
    }

    [Fact]
    public void Same_incident_told_twice_in_one_article_is_one_incident()
    {
        var all = Extractor.All("أطلقت مسيرات عدة الثلاثاء على قاعدة عسكرية في غرب العراق. وأكد مسؤول أن الهجوم على قاعدة عين الأسد تسبب في أضرار. وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم على قاعدة عين الأسد بالطيران المسير.");
        var i = Assert.Single(all);
        Assert.Equal("ain_al_asad", i.Place!.Id);
        Assert.Equal(new DateOnly(2024, 4, 16), i.Date);
        Assert.Equal("islamic_resistance_in_iraq", i.Attacker);
        Assert.True(i.Mentions.Count >= 3);
    }

    [Fact]
    public void Different_weapons_on_different_days_at_one_base_stay_apart()
    {
        var all = Extractor.All("تعرضت قاعدة حرير لهجوم بطائرة مسيرة الأحد. وكانت هذه القاعدة قد تعرضت السبت لهجوم صاروخي.");
        Assert.Equal(2, all.Count);
        Assert.All(all, i => Assert.Equal("al_harir", i.Place!.Id));
    }

    [Fact]
    public void Launch_site_is_not_the_attack_place() =>
        Assert.Equal("rumeilan", Extractor.Single("أطلقت خمسة صواريخ من بلدة زمار باتجاه قاعدة رميلان أمس.").Place!.Id);

    [Fact]
    public void Distance_reference_is_not_an_attack_place() =>
        Assert.Equal("jurf_al_sakhar", Extractor.Single("استهدفت غارة منطقة جرف الصخر الواقعة على بعد 60 كلم جنوب بغداد أمس.").Place!.Id);

    [Fact]
    public void Photo_caption_with_wire_credit_is_not_an_incident() =>
        Assert.Empty(Extractor.All("صورة لطائرة مسيرة مفخخة استهدفت قاعدة عين الأسد في العراق. 4 يناير 2022 - REUTERS\nاترك تعليقاً"));

    [Fact]
    public void Attack_on_a_us_base_targets_us_forces_and_the_victim_group_is_not_the_attacker()
    {
        var i = Extractor.Single("قتل خمسة عناصر من إحدى الميليشيات في غارة أميركية قرب كركوك أمس.");
        Assert.Equal("us_forces", i.Attacker);
        Assert.Equal("militia", i.Target);
        Assert.Equal(5, i.Killed);
    }
}
