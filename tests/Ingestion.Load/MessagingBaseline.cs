using System.Diagnostics;
using Ingestion.Testing.Processes;

namespace Ingestion.Load;

/// <summary>
/// What moving messages costs on this machine with nothing else to do: a baseline's rate, and the CPU the whole
/// machine (broker and client) spent a message, measured over the same broker as the pipeline, in the same run.
/// </summary>
public sealed record MessagingBaseline(double MessagesPerSecond, double CpuMsPerMessage)
{
    /// <summary>Times <paramref name="send"/>, which must return once all <paramref name="messages"/> are consumed.</summary>
    public static async Task<MessagingBaseline> MeasureAsync(int messages, Func<Task> send)
    {
        var cpu = ProcStatus.MachineBusySeconds();
        var clock = Stopwatch.StartNew();
        await send();
        var seconds = clock.Elapsed.TotalSeconds;
        return new MessagingBaseline(messages / seconds, (ProcStatus.MachineBusySeconds() - cpu) * 1000 / messages);
    }

    /// <summary>
    /// Sends <paramref name="count"/> messages in windows of 64, awaiting each window's confirms together, as the
    /// outbox relay publishes a batch and as MassTransit's publishers have several messages in flight.
    /// </summary>
    public static async Task PublishInWindowsAsync(int count, Func<Task> publish)
    {
        for (var sent = 0; sent < count; sent += 64)
            await Task.WhenAll(Enumerable.Range(sent, Math.Min(64, count - sent)).Select(_ => publish()));
    }

    public override string ToString() => $"{MessagesPerSecond:0} messages/s, {CpuMsPerMessage:0.00} ms of CPU a message";
}

/// <summary>
/// A run's two references, and how many messages its measured articles published and how many deliveries those made
/// each (from the broker's statistics; a message goes to every queue bound to it).
/// </summary>
public sealed record Baselines(MessagingBaseline RawBroker, MessagingBaseline MassTransit, double MessagesPerArticle = 0, double DeliveriesPerArticle = 0)
{
    public string RawBrokerLine(double articlesPerSecond) =>
        $"{RawBroker}; the pipeline moved {articlesPerSecond * MessagesPerArticle:0} messages/s, {articlesPerSecond * MessagesPerArticle / RawBroker.MessagesPerSecond:P1} of it "
        + $"({MessagesPerArticle:0.00} published and {DeliveriesPerArticle:0.00} delivered an article)";

    /// <summary>The CPU an article's messages cost through MassTransit alone, and the ceiling that puts on the machine.</summary>
    public string MassTransitLine()
    {
        var perArticle = MessagesPerArticle * MassTransit.CpuMsPerMessage;
        return $"{MassTransit}; at {MessagesPerArticle:0.00} an article, {perArticle:0.0} ms of CPU an article for messaging alone: "
            + $"at most {Environment.ProcessorCount * 1000 / perArticle:0} articles/s on {Environment.ProcessorCount} cores with nothing else to do";
    }
}
