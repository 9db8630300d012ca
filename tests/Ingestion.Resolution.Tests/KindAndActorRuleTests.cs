using Ingestion.Resolution;
using static Ingestion.Resolution.Tests.Mentions;

namespace Ingestion.Resolution.Tests;

public class KindAndActorRuleTests
{
    private readonly IncidentResolver _r = new();

    [Theory]
    [InlineData("rocket_attack", "missile_attack", true)]
    [InlineData("explosion", "airstrike", true)]
    [InlineData("other_attack", "drone_attack", true)]
    [InlineData("airstrike", "rocket_attack", false)]
    [InlineData("drone_attack", "rocket_attack", false)]
    public void Kinds_are_compatible_only_when_interchangeable_or_vague(string a, string b, bool same)
    {
        Assert.Equal(same, _r.SameIncident(Make(kind: a, target: null), Make(kind: b, target: null)));
        Assert.Equal(same, _r.SameIncident(Make(kind: b, target: null), Make(kind: a, target: null)));
    }

    [Theory]
    [InlineData(null, "kataib_hezbollah", true)]
    [InlineData("unknown", "harakat_al_nujaba", true)]
    [InlineData("militia", "kataib_hezbollah", true)]
    [InlineData("islamic_resistance_in_iraq", "kataib_hezbollah", true)]
    [InlineData("kataib_hezbollah", "harakat_al_nujaba", false)]
    [InlineData("us_forces", "militia", false)]
    [InlineData("us_forces", "kataib_hezbollah", false)]
    public void Attackers_conflict_only_when_both_are_named_and_different(string? a, string? b, bool same)
    {
        Assert.Equal(same, _r.SameIncident(Make(attacker: a), Make(attacker: b)));
        Assert.Equal(same, _r.SameIncident(Make(attacker: b), Make(attacker: a)));
    }

    [Fact]
    public void Attack_on_us_forces_is_not_a_strike_on_a_militia_at_the_same_place()
    {
        var onUs = Make(kind: "explosion", target: "us_forces");
        var onMilitia = Make(kind: "explosion", target: "kataib_hezbollah");
        Assert.False(_r.SameIncident(onUs, onMilitia));
    }

    [Fact]
    public void Two_mentions_of_one_article_are_two_incidents()
    {
        var article = Guid.NewGuid();
        Assert.False(_r.SameIncident(Make(article: article), Make(article: article)));
        var lenient = new IncidentResolver(new ResolverOptions { SameArticleNeverMerges = false });
        Assert.True(lenient.SameIncident(Make(article: article), Make(article: article)));
    }

    [Fact]
    public void A_mention_is_the_same_incident_as_itself()
    {
        var m = Make();
        Assert.True(_r.SameIncident(m, m));
    }
}
