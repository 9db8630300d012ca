using Ingestion.Testing;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>E-mail alerts through a real SMTP server on loopback (Debian's python3-aiosmtpd).</summary>
public sealed class EmailTests : IAsyncLifetime
{
    private readonly AlertingTestHost alerting = new();
    private SmtpTestServer smtp = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.StartAsync();
        alerting.Settings["Alerting:Smtp:Host"] = "127.0.0.1";
        alerting.Settings["Alerting:Smtp:Port"] = smtp.Port.ToString();
        alerting.Settings["Alerting:Smtp:StartTls"] = "false"; // the loopback test server has no certificate
        alerting.Settings["Alerting:Smtp:From"] = "alerts@ingestion.test";
        await alerting.InitializeAsync();
    }

    [Fact]
    public async Task Smtp_server_receives_the_alert_with_its_Arabic_text_intact()
    {
        await alerting.SubscribeAsync(new { name = "desk mailbox", email = "desk@newsroom.test", countries = new[] { "SY" } });
        var incident = Make("rocket_attack", Rumeilan, killed: 2);
        await alerting.PublishAsync(Opened(Make("drone_attack", Erbil))); // Iraq: not for this mailbox
        await alerting.PublishAsync(Opened(incident));

        IReadOnlyList<SmtpTestServer.Message> received;
        try { received = await Eventually.ReturnsAsync(() => Task.FromResult(smtp.Received()), m => m.Count >= 1, TimeSpan.FromSeconds(60), "one e-mail"); }
        catch (TimeoutException timeout) { throw new TimeoutException($"{timeout.Message}; deliveries:\n{await alerting.DescribeDeliveriesAsync()}"); }
        var message = Assert.Single(received);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(smtp.Received());
        Assert.Equal(["desk@newsroom.test"], message.RcptTos);
        Assert.Equal("alerts@ingestion.test", message.MailFrom);
        Assert.Contains("هجوم صاروخي", message.Subject);
        Assert.Contains("الرميلان", message.Subject);
        Assert.Contains("هجوم صاروخي في الرميلان، سوريا", message.Body);
        Assert.Contains("القتلى: 2", message.Body);
        Assert.Contains("سقطت صواريخ قرب قاعدة للقوات الأميركية", message.Body);
        Assert.Contains($"http://store.test/incidents/{incident.IncidentId}", message.Body);
        Assert.Equal("utf-8", message.Charset);
        Assert.Contains(incident.IncidentId.ToString("N"), message.MessageId);
    }

    public async Task DisposeAsync()
    {
        await alerting.DisposeAsync();
        await smtp.DisposeAsync();
    }
}
