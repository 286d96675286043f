using System.Buffers;
using System.Text.Unicode;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>
/// A request body read into a pooled buffer, at most <c>maxStored</c> bytes (what the error queue may keep);
/// <see cref="Truncated"/> when more was sent. A body that could not be read to its end keeps what arrived and says why.
/// </summary>
internal sealed class InboundBody : IDisposable
{
    private byte[] _buffer;

    private InboundBody(byte[] buffer, int length, bool truncated, string? readError, int readErrorStatus)
    {
        _buffer = buffer;
        Length = length;
        Truncated = truncated;
        ReadError = readError;
        ReadErrorStatus = readErrorStatus;
    }

    public int Length { get; }
    public bool Truncated { get; }
    public string? ReadError { get; }
    public int ReadErrorStatus { get; }
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public static async Task<InboundBody> ReadAsync(HttpRequest request, int maxStored, CancellationToken cancellationToken)
    {
        // This endpoint bounds what it reads itself: Kestrel's own limit would refuse a large body before any of it is kept.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
        var cap = maxStored + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var declared ? (int)Math.Min(declared, cap) : 4096);
        var length = 0;
        string? error = null;
        var status = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch (BadHttpRequestException ex)
        {
            (error, status) = ($"The body could not be read: {ex.Message}", ex.StatusCode);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            (error, status) = ("The connection closed before the body ended.", StatusCodes.Status400BadRequest);
        }
        var truncated = length > maxStored;
        return new InboundBody(buffer, truncated ? maxStored : length, truncated, error, status);
    }

    /// <summary>The body as text for the error queue, or base64 when it is not UTF-8 (then <c>base64</c> is true).</summary>
    public (string Text, bool Base64) ToStoredText()
    {
        var bytes = Memory.Span;
        // A cut body may end inside a character: drop that partial character rather than call the whole body binary.
        var text = Truncated ? WithoutPartialCharacterAtEnd(bytes) : bytes;
        // A NUL is valid UTF-8 but no text PostgreSQL stores: such a body is kept as base64 too, on either engine.
        return Utf8.IsValid(text) && !text.Contains((byte)0) ? (Encoding.UTF8.GetString(text), false) : (Convert.ToBase64String(bytes), true);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private static ReadOnlySpan<byte> WithoutPartialCharacterAtEnd(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var i = 0; i < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80; i++)
        {
            end--;
        }
        return end > 0 && bytes[end - 1] >= 0xC0 ? bytes[..(end - 1)] : bytes[..end];
    }
}
