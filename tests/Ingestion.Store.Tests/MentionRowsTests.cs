using Ingestion.Store.Data;

namespace Ingestion.Store.Tests;

public class MentionRowsTests
{
    private static readonly DateOnly Day = new(2024, 4, 21);

    [Fact]
    public void A_kept_row_comes_back_as_a_copy_filed_under_the_incident_the_database_gives()
    {
        var (row, model) = Kept("a.example");
        var rows = new MentionRows();
        rows.KeepOnly([(row, model)]);
        var filedNow = Guid.NewGuid();

        var (copy, copyModel) = rows.CopyOf(row.MentionId, filedNow);

        // Another replica may have merged the incident since: the database's filing counts, not the kept one.
        Assert.Equal(filedNow, copy.IncidentId);
        Assert.Same(model, copyModel);
        // A copy, so a batch that moves it and then fails leaves the kept row as it was.
        Assert.NotSame(row, copy);
        var keptIncident = row.IncidentId;
        copy.IncidentId = Guid.NewGuid();
        Assert.Equal(keptIncident, row.IncidentId);
        copy.IncidentId = row.IncidentId;
        Assert.Equivalent(row, copy, strict: true);
    }

    [Fact]
    public void Keeping_a_batch_forgets_the_rows_it_did_not_work_on()
    {
        var (first, second) = (Kept("a.example"), Kept("b.example"));
        var rows = new MentionRows();
        rows.KeepOnly([first, second]);

        rows.KeepOnly([second]);

        Assert.False(rows.Contains(first.Row.MentionId));
        Assert.True(rows.Contains(second.Row.MentionId));
    }

    [Fact]
    public void A_batch_that_worked_on_more_rows_than_the_cap_keeps_none()
    {
        var rows = new MentionRows();
        rows.KeepOnly([Kept("a.example")]);
        var busy = Enumerable.Range(0, MentionRows.MaxKeptRows + 1).Select(i => Kept($"s{i}.example")).ToList();

        rows.KeepOnly(busy);

        Assert.False(rows.Contains(busy[0].Row.MentionId));
        rows.KeepOnly(busy.Take(MentionRows.MaxKeptRows));
        Assert.True(rows.Contains(busy[0].Row.MentionId));
    }

    private static (MentionRecord Row, Ingestion.Resolution.IncidentMention Model) Kept(string source)
    {
        var row = MentionMapping.ToRecord(Mentions.Rockets(Mentions.AinAlAsad, Day, source), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        return (row, MentionMapping.ToMention(row));
    }
}
