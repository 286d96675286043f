namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// Reads a zip entry as it is inflated, counting the bytes actually produced and ending the stream once a limit is
/// passed (<see cref="Exceeded"/> says so), whatever size the zip declared for it.
/// </summary>
internal sealed class InflatedEntryStream(Stream inner, long limit) : Stream
{
    private int _peeked = -1;

    public long Count { get; private set; }

    public bool Exceeded { get; private set; }

    /// <summary>The first byte, which the next read still returns; -1 for an empty entry.</summary>
    public int PeekFirstByte()
    {
        if (Count == 0 && _peeked < 0)
        {
            _peeked = inner.ReadByte();
            Count = _peeked < 0 ? 0 : 1;
        }
        return _peeked;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Exceeded || buffer.Length == 0)
        {
            return 0;
        }
        if (_peeked >= 0)
        {
            buffer[0] = (byte)_peeked;
            _peeked = -1;
            return 1;
        }
        // Ask for one byte past the limit, so an entry of exactly the limit still reads to its end.
        var wanted = (int)Math.Min(buffer.Length, limit - Count + 1);
        var read = inner.Read(buffer[..wanted]);
        Count += read;
        if (Count > limit)
        {
            Exceeded = true;
            return 0;
        }
        return read;
    }

    /// <summary>Reads the rest of the entry, only counting it.</summary>
    public void Drain()
    {
        var buffer = new byte[81920];
        while (Read(buffer) > 0)
        {
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
