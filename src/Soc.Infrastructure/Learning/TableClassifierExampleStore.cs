using Azure;
using Azure.Data.Tables;
using Soc.Core.Classifier.Learning;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Learning;

/// <summary>
/// Table <c>{prefix}ClassifierExamples</c>, one partition. Each example is two rows written in one transaction: the
/// example (row key <c>e_{inverted ticks}_{id}</c>, so a query reads the newest first) and a marker
/// <c>r_{report id}</c>; a retried activity fails on the marker and stores nothing twice.
/// </summary>
public sealed class TableClassifierExampleStore(TableStorage storage) : IClassifierExampleStore
{
    public const string Table = "ClassifierExamples";
    private const string Partition = "examples";

    public async Task AppendAsync(ClassifierExample example, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(example);
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, ExampleKey(example.At, example.Id))
        {
            ["Id"] = example.Id,
            ["Text"] = example.Text,
            ["IsAttack"] = example.IsAttack,
            ["LearningRate"] = example.LearningRate,
            ["At"] = example.At.UtcDateTime,
            ["AtTicks"] = example.At.UtcTicks,
            ["ReportId"] = example.ReportId,
        };
        var marker = new TableEntity(Partition, "r_" + Uri.EscapeDataString(example.ReportId)) { ["ExampleKey"] = row.RowKey };
        try
        {
            await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, marker), new TableTransactionAction(TableTransactionActionType.Add, row)],
                cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // This report's example is stored already.
        }
    }

    public async Task<IReadOnlyList<ClassifierExample>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var newest = new List<ClassifierExample>();
        var query = table.QueryAsync<TableEntity>(
            x => x.PartitionKey == Partition && x.RowKey.CompareTo("e_") >= 0 && x.RowKey.CompareTo("e`") < 0,
            maxPerPage: 1000,
            cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            newest.Add(new ClassifierExample(
                e.GetString("Id") ?? string.Empty,
                e.GetString("Text") ?? string.Empty,
                e.GetBoolean("IsAttack") ?? false,
                e.GetDouble("LearningRate") ?? 0,
                new DateTimeOffset(e.GetInt64("AtTicks") ?? 0, TimeSpan.Zero),
                e.GetString("ReportId") ?? string.Empty));
            if (newest.Count >= ClassifierReplay.MaxExamples)
            {
                break;
            }
        }

        return ExampleOrder.Sort(newest);
    }

    private static string ExampleKey(DateTimeOffset at, string id) =>
        $"e_{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}_{Uri.EscapeDataString(id)}";
}
