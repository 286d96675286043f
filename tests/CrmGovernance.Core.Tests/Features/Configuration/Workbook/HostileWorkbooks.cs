using System.IO.Compression;
using System.Text;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

/// <summary>
/// Builds hostile .xlsx files from an exported one, part by part, as an attacker would with any zip tool (shared with the
/// bench's hostile-imports command).
/// </summary>
internal static class HostileWorkbooks
{
    /// <summary>The Mappings sheet's part in an exported workbook (the first sheet written).</summary>
    public const string MappingsPart = "xl/worksheets/sheet1.xml";

    /// <summary>The workbook with <paramref name="part"/> replaced (or added) by what <paramref name="write"/> writes.</summary>
    public static byte[] WithPart(byte[] xlsx, string part, Action<StreamWriter> write) =>
        WithParts(xlsx, [(part, write)]);

    public static byte[] WithParts(byte[] xlsx, IReadOnlyList<(string Part, Action<StreamWriter> Write)> parts)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => parts.All(p => p.Part != e.FullName)))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            foreach (var (part, write) in parts)
            {
                using var writer = new StreamWriter(target.CreateEntry(part, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                write(writer);
            }
        }
        return output.ToArray();
    }

    /// <summary>A worksheet part whose sheetData is what <paramref name="rows"/> writes.</summary>
    public static Action<StreamWriter> Sheet(Action<StreamWriter> rows) => w =>
    {
        w.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        rows(w);
        w.Write("</sheetData></worksheet>");
    };

    /// <summary>40 MB of cells that compress to a few dozen kilobytes.</summary>
    public static readonly Action<StreamWriter> Bomb = Sheet(w =>
    {
        for (var row = 1; row <= 800_000; row++)
        {
            w.Write("<row><c t=\"inlineStr\"><is><t>aaaa</t></is></c></row>");
        }
    });

    /// <summary><paramref name="rows"/> rows of <paramref name="columns"/> numbers each.</summary>
    public static Action<StreamWriter> Grid(int rows, int columns) => Sheet(w =>
    {
        for (var row = 1; row <= rows; row++)
        {
            w.Write("<row>");
            for (var column = 0; column < columns; column++)
            {
                w.Write("<c><v>1</v></c>");
            }
            w.Write("</row>");
        }
    });

    /// <summary>Rewrites the uncompressed size the zip declares for <paramref name="part"/>, in its local and central headers.</summary>
    public static byte[] DeclaringSize(byte[] zip, string part, uint size)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(part);
        // (signature, offset of the uncompressed size, offset of the name) for a local header and a central directory header.
        foreach (var (signature, sizeAt, nameAt) in new[] { (0x04034b50u, 22, 30), (0x02014b50u, 24, 46) })
        {
            var patched = false;
            for (var i = 0; i + nameAt + name.Length <= copy.Length; i++)
            {
                if (BitConverter.ToUInt32(copy, i) == signature && copy.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
                {
                    BitConverter.TryWriteBytes(copy.AsSpan(i + sizeAt, 4), size);
                    patched = true;
                }
            }
            if (!patched)
            {
                throw new InvalidOperationException($"No header for {part} with signature {signature:x8}.");
            }
        }
        return copy;
    }
}
