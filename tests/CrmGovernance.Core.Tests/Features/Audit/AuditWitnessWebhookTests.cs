using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>The optional second witness: each checkpoint POSTed as JSON; a webhook that fails never holds anything up.</summary>
public sealed class AuditWitnessWebhookTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-witness-" + Guid.NewGuid().ToString("N"));
    private readonly AuditChainKey _key = AuditChainKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), "test");

    [Fact]
    public async Task A_checkpoint_is_appended_to_the_file_and_posted_to_the_webhook_with_its_signature()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/checkpoints/");
        listener.Start();
        var witness = Witness(new Uri($"http://127.0.0.1:{port}/checkpoints/"));
        var received = listener.GetContextAsync();

        await witness.AppendAsync(witness.Sign(42, new string('d', 64), 1));

        var context = await received.WaitAsync(TimeSpan.FromSeconds(30));
        string body;
        using (var reader = new StreamReader(context.Request.InputStream))
        {
            body = await reader.ReadToEndAsync();
        }
        context.Response.StatusCode = 204;
        context.Response.Close();
        Assert.Equal("POST", context.Request.HttpMethod);
        var posted = JsonSerializer.Deserialize<AuditCheckpoint>(body, Json)!;
        Assert.Equal((42L, 1L), (posted.Sequence, posted.KeyedFrom));
        Assert.True(_key.HasSigned(posted.SignedText(), posted.Signature));
        Assert.Equal(posted, Assert.Single((await witness.ReadAsync()).Checkpoints));
    }

    [Fact]
    public async Task A_webhook_that_cannot_be_reached_does_not_hold_up_the_checkpoint()
    {
        var witness = Witness(new Uri($"http://127.0.0.1:{FreePort()}/nobody-listens"));

        await witness.AppendAsync(witness.Sign(7, new string('e', 64), 1)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(7, Assert.Single((await witness.ReadAsync()).Checkpoints).Sequence);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private AuditWitness Witness(Uri webhook) =>
        new(_key, Path.Combine(_folder, "witness.jsonl"), webhook, TimeProvider.System, NullLogger<AuditWitness>.Instance);

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
