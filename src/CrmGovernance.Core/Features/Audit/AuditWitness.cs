using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using CrmGovernance.Core.Data;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Publishes signed checkpoints of the chain's head outside the database: one JSON line each, appended to a file in
/// another folder (and, when configured, POSTed to a webhook), and reads them back for verification. Someone who can
/// write the database can neither forge a checkpoint (no key) nor make the chain agree with an old one after a rewrite.
/// </summary>
public sealed partial class AuditWitness(AuditChainKey key, string path, Uri? webhook, TimeProvider clock, ILogger<AuditWitness> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly SemaphoreSlim FileGate = new(1, 1);

    public string FilePath { get; } = path;

    public AuditCheckpoint Sign(long sequence, string hash, long keyedFrom)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new AuditCheckpoint(sequence, hash, now, keyedFrom, key.Id, key.Sign(AuditCheckpoint.SignedText(sequence, hash, now, keyedFrom)));
    }

    /// <summary>Appends the checkpoint as one line (flushed to disk), then hands it to the webhook without waiting for it.</summary>
    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.Serialize(checkpoint, Json) + "\n";
        await FileGate.WaitAsync(cancellationToken);
        try
        {
            CreateFolder();
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            // Exclusive while appending: the portal and crmgov may both write checkpoints, and must not overwrite each other's line.
            await using var file = await OpenAsync(() => new FileStream(FilePath, options), cancellationToken);
            await file.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            FileGate.Release();
        }
        if (webhook is not null)
        {
            _ = Task.Run(() => PostAsync(webhook, checkpoint), CancellationToken.None);
        }
    }

    /// <summary>Every line of the file: checkpoints whose signature verifies, and the first line that does not.</summary>
    public async Task<AuditWitnessReading> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
        {
            return AuditWitnessReading.Empty;
        }
        string[] lines;
        await using (var stream = await OpenAsync(() => new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), cancellationToken))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            lines = (await reader.ReadToEndAsync(cancellationToken)).Split('\n');
        }
        var checkpoints = new List<AuditCheckpoint>(lines.Length);
        string? problem = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            var where = string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} of the witness {FilePath}");
            var checkpoint = Parse(lines[i]);
            var lineProblem = checkpoint is null ? $"{where} cannot be read as a checkpoint: the witness was altered."
                : checkpoint.KeyId != key.Id ? $"{where} is signed with another key (id {checkpoint.KeyId}; this key is {key.Id}): the key was changed, or the line was forged."
                : !key.HasSigned(checkpoint.SignedText(), checkpoint.Signature) ? $"{where} does not carry a valid signature: it was forged or altered."
                : checkpoints.Count > 0 && checkpoint.KeyedFrom != checkpoints[0].KeyedFrom
                    ? $"{where} says the chain is keyed from row {checkpoint.KeyedFrom}, earlier lines say row {checkpoints[0].KeyedFrom}."
                : null;
            if (lineProblem is null)
            {
                checkpoints.Add(checkpoint!);
            }
            else
            {
                problem ??= lineProblem;
            }
        }
        return new AuditWitnessReading(checkpoints, problem);
    }

    /// <summary>Opens the file, waiting out another process's append (a sharing violation) for up to about two seconds.</summary>
    private static async Task<FileStream> OpenAsync(Func<FileStream> open, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return open();
            }
            catch (IOException ex) when (attempt < 40 && ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static AuditCheckpoint? Parse(string line)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(line, Json);
            return checkpoint is { Hash: not null, KeyId: not null, Signature: not null } ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void CreateFolder()
    {
        // Its parents too (the data folder, when this runs before the database initializer): owner-only.
        OwnerOnly.CreateFolder(Path.GetDirectoryName(FilePath)!);
    }

    private async Task PostAsync(Uri target, AuditCheckpoint checkpoint)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync(target, checkpoint, Json);
            if (!response.IsSuccessStatusCode)
            {
                LogWebhookRefused(logger, target, (int)response.StatusCode, checkpoint.Sequence);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            LogWebhookFailed(logger, ex, target, checkpoint.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit witness webhook {Url} answered {Status} to the checkpoint of row {Sequence}")]
    private static partial void LogWebhookRefused(ILogger logger, Uri url, int status, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit witness webhook {Url} could not be reached for the checkpoint of row {Sequence}")]
    private static partial void LogWebhookFailed(ILogger logger, Exception exception, Uri url, long sequence);
}
