using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store.Consumers;

namespace Ingestion.Store.Tests;

public sealed class MentionValidatorTests
{
    private static readonly Contracts.IncidentReported Valid = Mentions.Rockets(Mentions.Rumeilan, new DateOnly(2024, 4, 21), "a.example");

    [Fact]
    public void A_well_formed_mention_passes() => MentionValidator.EnsureValid(Valid);

    [Fact]
    public void Every_problem_is_named_in_one_reason()
    {
        var bad = Valid with { Kind = "sling", Killed = -1, Place = Mentions.Rumeilan with { Lat = 123, Country = "Syria" } };
        var error = Assert.Throws<InvalidMessageException>(() => MentionValidator.EnsureValid(bad));
        Assert.Contains("unknown kind 'sling'", error.Message);
        Assert.Contains("negative casualties", error.Message);
        Assert.Contains("coordinates out of range", error.Message);
        Assert.Contains("not an ISO two-letter code", error.Message);
    }
}
